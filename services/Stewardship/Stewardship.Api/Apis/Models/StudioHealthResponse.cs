using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Apis.Models;

/// <summary>A studio's health evaluated now: the state, the score and every component that makes it up, the reasons,
/// the facts behind them, and the state last published (StudioHealthChanged) with when it began.</summary>
public sealed record StudioHealthResponse(
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
