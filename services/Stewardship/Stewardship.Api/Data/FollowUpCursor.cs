namespace Studios.Stewardship.Data;

/// <summary>The sort key of the last follow-up on a page.</summary>
public sealed record FollowUpCursor(DateOnly DueOn, Guid Id);
