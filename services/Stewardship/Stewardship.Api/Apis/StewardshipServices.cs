using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Health;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Apis;

/// <summary>What the Stewardship handlers need, bound with [AsParameters].</summary>
public sealed record StewardshipServices(
    NpgsqlDataSource DataSource,
    Outbox Outbox,
    StudioRepository Studios,
    StewardRepository Stewards,
    StewardAssigner Assigner,
    ActivityRepository Activity,
    CheckInRepository CheckIns,
    HealthRepository Health,
    HealthEvaluator Evaluator,
    OverviewRepository Overview,
    StewardshipMetrics Metrics,
    StudioCountsRefresher Counts,
    StewardshipClock Clock);
