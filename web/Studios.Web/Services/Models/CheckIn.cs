namespace Studios.Web.Services.Models;

/// <summary>A steward's check-in with a facilitator and the follow-ups agreed (Stewardship).</summary>
public sealed record CheckIn(Guid Id, string? StewardName, string? FacilitatorName, DateOnly HeldOn, string Notes,
    IReadOnlyList<FollowUp> FollowUps);

public sealed record FollowUp(Guid Id, string Action, DateOnly DueOn);
