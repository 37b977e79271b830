namespace Studios.Notifications.Data;

/// <summary>What mails need to know about a person (from Membership's events); any part may not have arrived yet.</summary>
public sealed record PersonRow(Guid PersonId, string? DisplayName, string? TimeZone, string? Locale, string? Email);
