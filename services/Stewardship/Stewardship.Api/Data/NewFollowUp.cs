namespace Studios.Stewardship.Data;

/// <summary>A follow-up action to store with its check-in.</summary>
public sealed record NewFollowUp(Guid Id, string Action, DateOnly DueOn);
