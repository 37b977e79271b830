using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.Health;

namespace Studios.Stewardship.Apis.Responses;

/// <summary>A studio's health evaluated now: the state, the score and every component that makes it up, the reasons,
/// the facts behind them, and the state last published (StudioHealthChanged) with when it began.</summary>
public sealed record HealthResponse(
    Guid StudioId,
    StudioState StudioState,
    HealthState State,
    int Score,
    IReadOnlyList<HealthComponent> Components,
    IReadOnlyList<string> Reasons,
    double? AttendanceRate,
    double? CadenceKept,
    HealthInputs Figures,
    DateTimeOffset EvaluatedAt,
    HealthState? PublishedState,
    DateTimeOffset? PublishedSince);
