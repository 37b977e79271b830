namespace Studios.Notifications.Domain;

/// <summary>When a person's reminders for a session are due: a fixed time before its start (an instant, so a
/// daylight-saving change between the two moves the reminder's wall-clock time, never the session's).</summary>
public static class ReminderSchedule
{
    /// <summary>The reminders still ahead at <paramref name="now"/>: one past its due time would arrive late, so it is left out.</summary>
    public static IReadOnlyList<(int MinutesBefore, DateTimeOffset DueAt)> For(DateTimeOffset startsAt, IEnumerable<int> minutesBefore,
        DateTimeOffset now) =>
        minutesBefore.Distinct()
            .Select(minutes => (minutes, startsAt - TimeSpan.FromMinutes(minutes)))
            .Where(reminder => reminder.Item2 > now)
            .OrderBy(reminder => reminder.Item2)
            .ToList();
}
