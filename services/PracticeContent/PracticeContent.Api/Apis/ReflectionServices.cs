using Studios.PracticeContent.Data;
using Studios.PracticeContent.Telemetry;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

/// <summary>What the reflection handlers need, gathered for [AsParameters].</summary>
public sealed record ReflectionServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    ReflectionRepository Reflections,
    PracticeRepository Practices,
    StudioRepository Studios,
    PracticeContentMetrics Metrics,
    TimeProvider Time);
