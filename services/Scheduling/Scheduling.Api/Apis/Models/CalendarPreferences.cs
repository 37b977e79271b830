namespace Studios.Scheduling.Apis.Models;

/// <summary>How the person's calendar feed reminds them: minutes before each session (0 to 10080), or null for none.</summary>
public sealed record CalendarPreferences(int? ReminderMinutesBefore);
