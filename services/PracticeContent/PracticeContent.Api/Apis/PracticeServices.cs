using Studios.PracticeContent.Data;
using Studios.PracticeContent.Telemetry;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

/// <summary>What the practice handlers need, gathered for [AsParameters].</summary>
public sealed record PracticeServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    PracticeRepository Practices,
    StudioRepository Studios,
    UsageRepository Usage,
    PracticeSearch Search,
    PracticeContentMetrics Metrics,
    TimeProvider Time);
