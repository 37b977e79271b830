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

/// <summary>A follow-up action agreed in a check-in, open until its steward completes it.</summary>
public sealed record FollowUpRow(
    Guid Id,
    Guid CheckInId,
    Guid StudioId,
    string StudioName,
    Guid StewardId,
    string Action,
    DateOnly DueOn,
    DateTimeOffset? CompletedAt,
    Guid? CompletedBy);
