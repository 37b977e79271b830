namespace Studios.Scheduling.Domain;

/// <summary>What makes a feed one person's: the sessions they said they are not going to, and how long before a
/// session their calendar reminds them (null: no reminders).</summary>
public sealed record PersonalFeed(IReadOnlyList<FeedSession> Declined, int? ReminderMinutes);
