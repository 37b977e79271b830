using NodaTime;

namespace Studios.ServiceDefaults.Validation;

/// <summary>IANA time zone ids (Europe/Berlin), checked against the tz database NodaTime ships.</summary>
public static class IanaTimeZones
{
    public static bool IsValid(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;
}
