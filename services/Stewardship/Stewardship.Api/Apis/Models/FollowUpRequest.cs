namespace Studios.Stewardship.Apis.Models;

/// <summary>A follow-up action agreed in a check-in, due on a date.</summary>
public sealed record FollowUpRequest(string? Action, DateOnly? DueOn);
