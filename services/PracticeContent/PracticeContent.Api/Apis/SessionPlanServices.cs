using Studios.PracticeContent.Data;
using Studios.PracticeContent.Telemetry;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

/// <summary>What the session-plan handlers need, gathered for [AsParameters].</summary>
public sealed record SessionPlanServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    SessionPlanRepository Plans,
    PracticeRepository Practices,
    StudioRepository Studios,
    PracticeContentMetrics Metrics,
    TimeProvider Time);
