using System.Net;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using Studios.Stewardship.Contracts;
using Studios.Testing;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>Pausing, resuming and retiring a studio, announced by Stewardship (redeliveries included).</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StudioLifecycleTests(SchedulingFixture fixture)
{
    private const string Zone = "Europe/Berlin";

    [Fact]
    public async Task Retiring_a_studio_cancels_its_future_sessions_once_each_and_ends_its_series()
    {
        var cancelled = await fixture.Bus.ObserveAsync<SessionCancelled>();
        var studio = await fixture.NewStudioAsync(Zone);
        var start = Today(Zone).AddDays(2);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var from = DateTimeOffset.UtcNow;
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(366));

        var messageId = Guid.NewGuid();
        var retired = new StudioRetired(studio.Id, "Members moved on", Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.Bus.PublishAsync(retired, messageId);
        await fixture.Bus.PublishAsync(retired, messageId); // a redelivery

        await Eventually.TrueAsync(() => sessions.All(s => cancelled.Messages.Any(c => c.SessionId == s.Id)),
            SchedulingFixture.Patience, "every future session should be announced as cancelled");
        var after = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(366));
        Assert.All(after, s => Assert.Equal(SessionStatus.Cancelled, s.Status));
        Assert.All(after, s => Assert.Contains("Members moved on", s.CancelReason));
        Assert.Equal(sessions.Count, cancelled.Messages.Count(c => sessions.Any(s => s.Id == c.SessionId)));

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");
        Assert.DoesNotContain(Occurrences(feed, from, from.AddDays(366)), o => o.Source.Status != "CANCELLED");

        var refused = await PostAsync(studio.Facilitator, $"/api/studios/{studio.Id}/series", Series("FREQ=WEEKLY;BYDAY=MO", start));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var resumedLate = new StudioResumed(studio.Id, Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.Bus.PublishAsync(resumedLate);
        var stillRefused = await PostAsync(studio.Facilitator, $"/api/studios/{studio.Id}/series", Series("FREQ=WEEKLY;BYDAY=MO", start));
        Assert.Equal(HttpStatusCode.Conflict, stillRefused.StatusCode);
    }

    [Fact]
    public async Task Pausing_cancels_upcoming_sessions_and_resuming_restores_them()
    {
        var scheduled = await fixture.Bus.ObserveAsync<SessionScheduled>();
        var studio = await fixture.NewStudioAsync(Zone);
        var start = Today(Zone).AddDays(2);
        await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var from = DateTimeOffset.UtcNow;
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(60));

        await fixture.Bus.PublishAsync(new StudioPaused(studio.Id, "Summer break", Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(60)))
            .All(s => s.Status == SessionStatus.Cancelled), SchedulingFixture.Patience, "a paused studio's sessions should be cancelled");

        await fixture.Bus.PublishAsync(new StudioResumed(studio.Id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(60)))
            .All(s => s.Status == SessionStatus.Scheduled), SchedulingFixture.Patience, "resuming should restore the paused sessions");
        var restored = await SessionsAsync(studio.Facilitator, studio.Id, from, from.AddDays(60));
        Assert.Equal(sessions.Select(s => s.Id), restored.Select(s => s.Id));
        await scheduled.WaitForAsync(e => e.SessionId == sessions[0].Id && e.StudioId == studio.Id);
    }
}
