namespace Studios.Notifications.Data;

/// <summary>A person's stored preferences and their version (the ETag). Properties: Dapper fills arrays through setters only.</summary>
public sealed record PreferencesRow
{
    public string[] DisabledKinds { get; init; } = [];
    public int[] ReminderMinutes { get; init; } = [];
    public int Version { get; init; }
}
