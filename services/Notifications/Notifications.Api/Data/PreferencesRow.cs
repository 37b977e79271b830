namespace Studios.Notifications.Data;

/// <summary>A person's stored preferences and their version (the ETag).</summary>
public sealed record PreferencesRow(string[] DisabledKinds, int[] ReminderMinutes, int Version);
