using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Studios.Scheduling.Tests.Integration;
using static Studios.Scheduling.Tests.Integration.Api;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Weekly and monthly series with EXDATEs over a daylight-saving change in two zones: the service's sessions
/// stay at the same wall-clock time, and the studio feed, parsed back by Ical.Net, has exactly the same occurrences.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RecurrenceAcrossDstTests(SchedulingFixture fixture)
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public async Task A_weekly_series_keeps_its_local_time_across_the_offset_change_and_skips_its_exdate(string zone)
    {
        var studio = await fixture.NewStudioAsync(zone);
        var change = NextOffsetChange(zone);
        var start = Later(Today(zone).AddDays(1), change.AddDays(-21));
        var skipped = start.AddDays(7);
        var series = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start, exceptionDates: [skipped]));
        Assert.Equal(zone, series.TimeZone);

        var from = DateTimeOffset.UtcNow;
        var to = from + SchedulingFixture.Horizon - TimeSpan.FromDays(1);
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, from, to);

        var expected = Enumerable.Range(0, 60).Select(week => start.AddDays(7 * week)).Where(d => d != skipped)
            .Select(d => At(d, new TimeOnly(19, 0), zone)).Where(t => t >= from && t < to).ToList();
        Assert.Equal(expected, sessions.Select(s => s.StartsAt.ToUniversalTime()));
        Assert.All(sessions, s => Assert.EndsWith("T19:00", s.LocalStart));
        Assert.All(sessions, s => Assert.Equal(TimeSpan.FromMinutes(90), s.EndsAt - s.StartsAt));
        Assert.Equal(2, sessions.Select(s => OffsetAt(s.StartsAt, zone)).Distinct().Count());
        Assert.DoesNotContain(sessions, s => s.LocalStart.StartsWith(skipped.ToString("yyyy-MM-dd")));

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");
        Assert.Contains($"TZID:{zone}", feed);
        Assert.Contains($"RRULE:FREQ=WEEKLY;BYDAY={Weekday(start)}", feed);
        Assert.Contains($"EXDATE;TZID={zone}:{skipped:yyyyMMdd}T190000", feed);
        AssertFeedMatches(feed, sessions, from, to);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public async Task A_monthly_series_keeps_its_local_time_across_the_offset_change_and_skips_its_exdate(string zone)
    {
        var studio = await fixture.NewStudioAsync(zone);
        var change = NextOffsetChange(zone);
        var start = Later(Today(zone).AddDays(1), change.AddDays(-70));
        if (start.Day > 28) start = new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var skipped = start.AddMonths(1);
        await CreateSeriesAsync(studio, Series($"FREQ=MONTHLY;BYMONTHDAY={start.Day}", start, "18:30:00", 60, [skipped]));

        var from = DateTimeOffset.UtcNow;
        var to = from + SchedulingFixture.Horizon - TimeSpan.FromDays(1);
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, from, to);

        var expected = Enumerable.Range(0, 12).Select(start.AddMonths).Where(d => d != skipped)
            .Select(d => At(d, new TimeOnly(18, 30), zone)).Where(t => t >= from && t < to).ToList();
        Assert.True(expected.Count >= 3, "the window should hold several monthly sessions");
        Assert.Equal(expected, sessions.Select(s => s.StartsAt.ToUniversalTime()));
        Assert.All(sessions, s => Assert.EndsWith("T18:30", s.LocalStart));
        Assert.Equal(2, sessions.Select(s => OffsetAt(s.StartsAt, zone)).Distinct().Count());

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");
        AssertFeedMatches(feed, sessions, from, to);
    }

    [Fact]
    public async Task Running_the_materialisation_again_adds_no_session_twice()
    {
        var studio = await fixture.NewStudioAsync("Europe/Berlin");
        var start = Today("Europe/Berlin").AddDays(2);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        var before = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(366));

        var job = fixture.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Jobs.MaterialisationJob>().Single();
        await Task.WhenAll(job.RunOnceAsync(CancellationToken.None), job.RunOnceAsync(CancellationToken.None));

        var after = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(366));
        Assert.Equal(before.Select(s => s.Id), after.Select(s => s.Id));
        Assert.Equal(after.Count, after.Select(s => s.StartsAt).Distinct().Count());
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
