namespace Studios.Web.Services.Models;

/// <summary>How the person's calendar feed reminds them (Scheduling): minutes before each session, or null for none.</summary>
public sealed record CalendarPreferences(int? ReminderMinutesBefore);
