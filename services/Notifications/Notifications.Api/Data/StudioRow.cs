namespace Studios.Notifications.Data;

/// <summary>A studio as Stewardship's events describe it, with its last published health.</summary>
public sealed record StudioRow(
    Guid StudioId,
    string? Name,
    string? TimeZone,
    Guid? ProposedBy,
    Guid? FoundingFacilitatorId,
    string? HealthState,
    int? HealthScore,
    string[] HealthReasons);
