namespace Studios.Notifications.Data;

/// <summary>A reminder waiting for its due time.</summary>
public sealed record ReminderRow(Guid SessionId, Guid PersonId, int MinutesBefore, DateTimeOffset DueAt, DateTimeOffset StartsAt);
