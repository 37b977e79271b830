namespace Studios.Stewardship.Data;

/// <summary>A check-in to store, validated already, with the follow-ups agreed in it.</summary>
public sealed record NewCheckIn(
    Guid Id,
    Guid StudioId,
    Guid StewardId,
    string? StewardName,
    Guid FacilitatorId,
    string? FacilitatorName,
    DateOnly HeldOn,
    string Notes,
    DateTimeOffset RecordedAt,
    IReadOnlyList<NewFollowUp> FollowUps);
