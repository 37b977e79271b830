using System.Net;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using Studios.Scheduling.Apis.Models;
using Studios.ServiceDefaults.Http;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Calls the Scheduling API the way a client would, plus a NodaTime oracle for expected local times.</summary>
internal static class Api
{
    public static object Series(string rule, DateOnly startDate, string startTime = "19:00:00", int durationMinutes = 90,
        IReadOnlyList<DateOnly>? exceptionDates = null, string title = "Evening practice", int? capacity = null, string? timeZone = null) =>
        new
        {
            title, rule, startDate, startTime, durationMinutes, exceptionDates, capacity, timeZone,
            location = "Community hall", onlineUrl = "https://meet.example/studio",
        };

    public static async Task<SeriesResponse> CreateSeriesAsync(TestStudio studio, object body) =>
        await ReadAsync<SeriesResponse>(await PostAsync(studio.Facilitator, $"/api/studios/{studio.Id}/series", body), HttpStatusCode.Created);

    /// <summary>Every session of the studio in [from, to), following the cursor through all pages.</summary>
    public static async Task<List<SessionResponse>> SessionsAsync(HttpClient client, Guid studioId, DateTimeOffset from, DateTimeOffset to,
        string path = "") =>
        await PagesAsync(client, (path == "" ? $"/api/studios/{studioId}/sessions" : path) +
            $"?from={Uri.EscapeDataString(from.ToString("o"))}&to={Uri.EscapeDataString(to.ToString("o"))}&limit=7");

    public static async Task<List<SessionResponse>> PagesAsync(HttpClient client, string url)
    {
        var all = new List<SessionResponse>();
        string? cursor = null;
        do
        {
            var page = await ReadAsync<Page<SessionResponse>>(await client.GetAsync(cursor is null ? url : $"{url}&cursor={cursor}"));
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }

    public static async Task<string> FeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Occurrences a calendar client computes from the feed (Ical.Net), starting in [from, to).</summary>
    public static List<(DateTimeOffset Start, DateTimeOffset End, CalendarEvent Source)> Occurrences(string feed, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = Calendar.Load(feed)!;
        return calendar.GetOccurrences<CalendarEvent>(new CalDateTime(from.UtcDateTime, "UTC"))
            .TakeWhileBefore(new CalDateTime(to.UtcDateTime, "UTC"))
            .Select(o => (Start: Utc(o.Period.StartTime.AsUtc), End: Utc(o.Period.EffectiveEndTime!.AsUtc), Source: (CalendarEvent)o.Source))
            .Where(o => o.Start >= from && o.Start < to)
            .ToList();
    }

    /// <summary>The feed's non-cancelled occurrences equal the scheduled sessions the API lists, start and end.</summary>
    public static void AssertFeedMatches(string feed, IEnumerable<SessionResponse> listed, DateTimeOffset from, DateTimeOffset to)
    {
        var expected = listed.Where(s => s.Status == Domain.SessionStatus.Scheduled && s.StartsAt >= from && s.StartsAt < to)
            .Select(s => (s.StartsAt.ToUniversalTime(), s.EndsAt.ToUniversalTime())).OrderBy(s => s).ToList();
        var actual = Occurrences(feed, from, to).Where(o => o.Source.Status != EventStatus.Cancelled)
            .Select(o => (o.Start, o.End)).OrderBy(s => s).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateOnly Today(string zone) =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[zone]).Date.ToDateOnly();

    /// <summary>The local date of the zone's next UTC-offset change at least a week away.</summary>
    public static DateOnly NextOffsetChange(string zone)
    {
        var tz = DateTimeZoneProviders.Tzdb[zone];
        var interval = tz.GetZoneInterval(SystemClock.Instance.GetCurrentInstant());
        while (interval.End.InZone(tz).Date.ToDateOnly() < Today(zone).AddDays(8)) interval = tz.GetZoneInterval(interval.End);
        return interval.End.InZone(tz).Date.ToDateOnly();
    }

    /// <summary>The instant a wall-clock time happens in the zone (the oracle the service's answers are checked against).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, string zone) =>
        LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time)).InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToDateTimeOffset().ToUniversalTime();

    public static TimeSpan OffsetAt(DateTimeOffset instant, string zone) =>
        DateTimeZoneProviders.Tzdb[zone].GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan();

    /// <summary>The wall-clock time now in the zone.</summary>
    public static DateTime LocalNow(string zone) =>
        SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[zone]).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>A zone where it is not around midnight now, so "a few minutes ago" is still today there.</summary>
    public static string DaytimeZone() =>
        new[] { "America/New_York", "Europe/Berlin", "Asia/Tokyo" }.First(zone => LocalNow(zone).Hour is >= 1 and <= 22);

    public static string Weekday(DateOnly date) => date.DayOfWeek.ToString()[..2].ToUpperInvariant();
}
