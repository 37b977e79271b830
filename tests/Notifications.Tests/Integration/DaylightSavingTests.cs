using Dapper;
using Studios.Notifications.Telemetry;
using Studios.ServiceDefaults.Jobs;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Reminders across the night Europe's clocks go forward (29 March 2026, 02:00 → 03:00 in Berlin), with the
/// service's clock set and moved by the test, never slept through.</summary>
[Trait("Category", "Integration")]
public sealed class DaylightSavingTests(DaylightSavingFixture fixture) : IClassFixture<DaylightSavingFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Reminders_fire_a_day_and_an_hour_before_in_each_persons_own_time_zone()
    {
        // Sunday 10:00 in Berlin, the morning after clocks went forward; New York changed three weeks earlier.
        var startsAt = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero);
        SetClock(new DateTimeOffset(2026, 3, 28, 6, 0, 0, TimeSpan.Zero));
        using var jobs = new MetricRecorder(fixture.Factory.Services, JobMetrics.MeterName);
        using var metrics = new MetricRecorder(fixture.Factory.Services, NotificationsMetrics.MeterName);
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var bea = await _community.RegisterAsync(TestPerson.New("Bea", "Europe/Berlin", "en-GB"));
        var ned = await _community.RegisterAsync(TestPerson.New("Ned", "America/New_York", "en-GB"));
        var studioId = await _community.StudioAsync(fay);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Spring circle");
        await _community.RsvpAsync(studioId, sessionId, bea, "going");
        await _community.RsvpAsync(studioId, sessionId, ned, "going");

        // A day before is 09:00 on Saturday in Berlin (still winter time): 23 hours of the wall clock, 24 of real time.
        await Eventually.TrueAsync(async () => (await DueTimesAsync()).Count == 4, NotificationsFixture.Patience, "four reminders");
        Assert.Equal([startsAt.AddHours(-24), startsAt.AddHours(-24), startsAt.AddHours(-1), startsAt.AddHours(-1)], await DueTimesAsync());

        // Minutes before the first is due, passes of the reminder job find nothing to send.
        SetClock(startsAt.AddHours(-24).AddMinutes(-1));
        var passes = jobs.Sum("job.passes", "job", "notifications.reminders");
        await Eventually.TrueAsync(() => jobs.Sum("job.passes", "job", "notifications.reminders") >= passes + 3, NotificationsFixture.Patience,
            "three more passes of the reminder job");
        Assert.Equal(4, (await DueTimesAsync()).Count);
        Assert.Empty(await fixture.MailStatusesAsync(bea.Id, "session-reminder"));

        SetClock(startsAt.AddHours(-24).AddSeconds(1));
        var beaDayBefore = Assert.Single(await fixture.Mailbox.WaitForAsync(bea.Email, Reminder));
        Assert.Equal("Reminder: Spring circle on Sunday, 29 March 2026, 10:00 (Europe/Berlin)", beaDayBefore.Subject);
        var nedDayBefore = Assert.Single(await fixture.Mailbox.WaitForAsync(ned.Email, Reminder));
        Assert.Equal("Reminder: Spring circle on Sunday, 29 March 2026, 04:00 (America/New_York)", nedDayBefore.Subject);
        Assert.Equal(2, (await DueTimesAsync()).Count);

        SetClock(startsAt.AddHours(-1).AddSeconds(1));
        await fixture.Mailbox.WaitForAsync(bea.Email, Reminder, count: 2);
        await fixture.Mailbox.WaitForAsync(ned.Email, Reminder, count: 2);
        Assert.Empty(await DueTimesAsync());
        Assert.Equal(4, metrics.Values("notifications.reminder_lag").Count);
        Assert.All(metrics.Values("notifications.reminder_lag"), lag => Assert.InRange(lag, 0, 60));
    }

    private static bool Reminder(Studios.Testing.Mail.ReceivedMail mail) => mail.Header("X-Studios-Notification") == "session-reminder";

    private void SetClock(DateTimeOffset now) => fixture.Time.Offset = now - DateTimeOffset.UtcNow;

    private async Task<IReadOnlyList<DateTimeOffset>> DueTimesAsync()
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return (await connection.QueryAsync<DateTime>("SELECT due_at FROM reminders ORDER BY due_at"))
            .Select(due => new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))).ToList();
    }
}
