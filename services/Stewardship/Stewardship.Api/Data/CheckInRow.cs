namespace Studios.Stewardship.Data;

/// <summary>A stored check-in (column order = constructor order, for Dapper).</summary>
public sealed record CheckInRow(
    Guid Id,
    Guid StudioId,
    Guid StewardId,
    string? StewardName,
    Guid FacilitatorId,
    string? FacilitatorName,
    DateOnly HeldOn,
    string Notes,
    DateTimeOffset RecordedAt);
