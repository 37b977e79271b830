namespace Studios.Notifications.Data;

/// <summary>A steward's open follow-ups, and how many of them are past their due date.</summary>
public sealed record FollowUpCounts(int Open, int Overdue);
