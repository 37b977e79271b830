namespace Studios.Stewardship.Data;

/// <summary>A studio a steward supports, with its lifecycle and last recorded health state.</summary>
public sealed record StewardStudioRow(
    Guid StudioId,
    string Name,
    string State,
    string? HealthState,
    int? HealthScore,
    Guid? AssignedBy,
    DateTimeOffset AssignedAt);
