using Ical.Net.DataTypes;

namespace Studios.Scheduling.Domain;

/// <summary>Instants seen in an IANA zone (conversions only; occurrences always come from the recurrence rule).</summary>
public static class LocalTime
{
    public static DateTime In(DateTimeOffset instant, string zone) =>
        new CalDateTime(instant.UtcDateTime, CalDateTime.UtcTzId).ToTimeZone(zone).Value;

    public static DateOnly DateIn(DateTimeOffset instant, string zone) => DateOnly.FromDateTime(In(instant, zone));

    /// <summary>"2027-03-16T19:00": what a wall clock in the zone shows.</summary>
    public static string Format(DateTimeOffset instant, string zone) =>
        In(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="date"/> begins in the zone.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, string zone) =>
        new(new CalDateTime(date, TimeOnly.MinValue, zone).AsUtc, TimeSpan.Zero);
}
