namespace Studios.Notifications.Apis.Models;

/// <summary>Which kinds are on (kinds not named stay on) and how many minutes before a session to remind (default 1440 and 60).</summary>
public sealed record PreferencesRequest(IReadOnlyDictionary<string, bool>? Enabled, IReadOnlyList<int>? ReminderMinutesBefore);
