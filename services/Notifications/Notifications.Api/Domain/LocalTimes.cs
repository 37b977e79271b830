using System.Globalization;

namespace Studios.Notifications.Domain;

/// <summary>Instants as a person reads them: in their own time zone, in their locale's words.</summary>
public static class LocalTimes
{
    /// <summary>"Sunday 29 March 2026, 10:00 (Europe/Berlin)"; an unknown zone is UTC, an unknown locale English.</summary>
    public static string Format(DateTimeOffset instant, string? timeZone, string? locale)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var culture = Culture(locale);
        return $"{local.ToString("D", culture)}, {local.ToString("t", culture)} ({zone.Id})";
    }

    /// <summary>The local date, e.g. for the week a digest covers.</summary>
    public static DateTime LocalDateTime(DateTimeOffset instant, string? timeZone) => TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).DateTime;

    public static CultureInfo Culture(string? locale)
    {
        try
        {
            return string.IsNullOrWhiteSpace(locale) ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-GB");
        }
    }

    private static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
