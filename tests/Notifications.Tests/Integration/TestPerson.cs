namespace Studios.Notifications.Tests.Integration;

/// <summary>Someone with an address of their own, so tests sharing the mail server tell their mails apart.</summary>
public sealed record TestPerson(Guid Id, string Name, string Email, string TimeZone, string Locale)
{
    public static TestPerson New(string name, string timeZone = "Europe/Berlin", string locale = "en-GB") =>
        new(Guid.NewGuid(), name, $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test", timeZone, locale);
}
