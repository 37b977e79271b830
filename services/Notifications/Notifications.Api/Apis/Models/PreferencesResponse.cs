using Studios.Notifications.Domain;

namespace Studios.Notifications.Apis.Models;

/// <summary>Every kind with whether it is on, and the reminder offsets in minutes, longest first.</summary>
public sealed record PreferencesResponse(IReadOnlyDictionary<string, bool> Enabled, IReadOnlyList<int> ReminderMinutesBefore)
{
    public static PreferencesResponse From(NotificationPreferences preferences) => new(
        NotificationKinds.All.ToDictionary(kind => kind, preferences.Allows),
        preferences.ReminderMinutes);
}
