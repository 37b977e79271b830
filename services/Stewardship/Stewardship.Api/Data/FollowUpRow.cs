namespace Studios.Stewardship.Data;

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
