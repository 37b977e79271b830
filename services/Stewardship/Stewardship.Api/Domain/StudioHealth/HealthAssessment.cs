namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>The outcome of the health rules: a state, a score out of 100 that is the sum of its components, and the reasons.</summary>
public sealed record HealthAssessment(
    HealthState State,
    int Score,
    IReadOnlyList<HealthComponent> Components,
    IReadOnlyList<string> Reasons,
    double? AttendanceRate,
    double? CadenceKept);
