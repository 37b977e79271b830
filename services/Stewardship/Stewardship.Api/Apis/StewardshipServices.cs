using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;
using Studios.Stewardship.Jobs;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Apis;

/// <summary>What the Stewardship handlers need, bound with [AsParameters].</summary>
public sealed record StewardshipServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    AuditTrail Audit,
    StudioRepository Studios,
    StewardRepository Stewards,
    PeopleRepository People,
    StewardAssigner Assigner,
    ActivityRepository Activity,
    CheckInRepository CheckIns,
    StudioHealthRepository Health,
    StudioHealthEvaluator Evaluator,
    OverviewRepository Overview,
    NetworkFiguresSnapshot NetworkFigures,
    StewardshipMetrics Metrics,
    StudioCountsRefresher Counts,
    TimeProvider Time);
