namespace Studios.Notifications.Tests.Integration;

/// <summary>The preferences resource as a client reads it.</summary>
public sealed record Preferences(Dictionary<string, bool> Enabled, int[] ReminderMinutesBefore);
