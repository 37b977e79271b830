using System.Net;
using System.Net.Http.Headers;
using Ical.Net;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Domain;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>"This session only" and "this and following" edits, their events, and how feeds show them.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SessionEditTests(SchedulingFixture fixture)
{
    private const string Zone = "Europe/Berlin";

    private async Task<(TestStudio Studio, SeriesResponse Series, List<SessionResponse> Sessions)> WeeklyAsync(int capacity = 12)
    {
        var studio = await fixture.NewStudioAsync(Zone, capacity);
        var start = Today(Zone).AddDays(2);
        var series = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start));
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
        return (studio, series, sessions);
    }

    [Fact]
    public async Task Rescheduling_and_cancelling_one_session_publish_events_and_show_as_instances_in_the_feed()
    {
        var rescheduled = await fixture.Bus.ObserveAsync<SessionRescheduled>();
        var cancelled = await fixture.Bus.ObserveAsync<SessionCancelled>();
        var (studio, series, sessions) = await WeeklyAsync();
        // Whoever is coming is named in both events (Notifications tells them even if their answer reaches it later).
        var member = await fixture.JoinAsync(studio);
        foreach (var session in sessions.Skip(1).Take(2))
            await ReadAsync<RsvpResult>(await PutAsync(member.Client, $"/api/sessions/{session.Id}/rsvps/me", new { response = "going" }));

        var moved = sessions[1];
        var newStart = moved.StartsAt.AddMinutes(30);
        var response = await ReadAsync<SessionResponse>(await PostAsync(studio.Facilitator, $"/api/sessions/{moved.Id}/reschedule",
            new { startsAt = newStart }));
        Assert.Equal(newStart, response.StartsAt);
        Assert.EndsWith("T19:30", response.LocalStart);
        Assert.Equal(1, response.Sequence);
        var movedEvent = await rescheduled.WaitForAsync(e => e.SessionId == moved.Id);
        Assert.Equal(moved.StartsAt, movedEvent.PreviousStartsAt);
        Assert.Equal(newStart, movedEvent.StartsAt);
        Assert.Equal([member.Id], movedEvent.Coming!);

        var dropped = sessions[2];
        var cancel = await ReadAsync<SessionResponse>(await PostAsync(studio.Facilitator, $"/api/sessions/{dropped.Id}/cancel",
            new { reason = "Room unavailable" }));
        Assert.Equal(SessionStatus.Cancelled, cancel.Status);
        var cancelledEvent = await cancelled.WaitForAsync(e => e.SessionId == dropped.Id);
        Assert.Equal("Room unavailable", cancelledEvent.Reason);
        Assert.Equal([member.Id], cancelledEvent.Coming!);

        var again = await PostAsync(studio.Facilitator, $"/api/sessions/{dropped.Id}/cancel", new { reason = "Twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");
        var calendar = Calendar.Load(feed)!;
        var uid = CalendarFeed.SeriesUid(series.Id);
        var instances = calendar.Events.Where(e => e.Uid == uid && e.RecurrenceIdentifier is not null).ToList();
        Assert.Equal(2, instances.Count);
        Assert.Contains(instances, e => e.Status == "CANCELLED" && Utc(e.RecurrenceIdentifier!.StartTime.AsUtc) == dropped.StartsAt);
        Assert.Contains(instances, e => e.Status == "CONFIRMED" && Utc(e.RecurrenceIdentifier!.StartTime.AsUtc) == moved.StartsAt && Utc(e.DtStart!.AsUtc) == newStart);
        Assert.All(instances, e => Assert.True(e.Sequence >= 1));

        var listed = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
        AssertFeedMatches(feed, listed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
        Assert.Equal(feed, await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics")); // stable UIDs and stamps
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_and_changes_nothing()
    {
        var (studio, _, sessions) = await WeeklyAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessions[0].Id}/cancel")
        {
            Content = JsonContent(new { reason = "Stale" }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await studio.Facilitator.SendAsync(request)).StatusCode);
        var session = await ReadAsync<SessionResponse>(await studio.Facilitator.GetAsync($"/api/sessions/{sessions[0].Id}"));
        Assert.Equal(SessionStatus.Scheduled, session.Status);
    }

    [Fact]
    public async Task This_and_following_splits_the_series_moving_later_sessions_with_their_rsvps()
    {
        var rescheduled = await fixture.Bus.ObserveAsync<SessionRescheduled>();
        var (studio, series, sessions) = await WeeklyAsync();
        var member = await fixture.JoinAsync(studio);
        var third = sessions[2];
        await ReadAsync<RsvpResult>(await PutAsync(member.Client, $"/api/sessions/{third.Id}/rsvps/me", new { response = "going" }));

        var from = DateOnly.Parse(third.LocalStart[..10]);
        var changed = await ReadAsync<SeriesResponse>(await PutAsync(studio.Facilitator, $"/api/series/{series.Id}?from={from:yyyy-MM-dd}",
            Series($"FREQ=WEEKLY;BYDAY={Weekday(from)}", series.StartDate, "20:00:00", 60, title: "Later practice")));
        Assert.NotEqual(series.Id, changed.Id);
        Assert.Equal(series.Id, changed.PreviousSeriesId);
        Assert.Equal(from, changed.StartDate);

        var old = await ReadAsync<SeriesResponse>(await studio.Facilitator.GetAsync($"/api/series/{series.Id}"));
        Assert.Contains("UNTIL=", old.Rule);
        Assert.True(old.Sequence > series.Sequence);

        var after = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
        Assert.Equal(sessions.Select(s => s.Id).Take(2), after.Take(2).Select(s => s.Id));
        Assert.All(after.Take(2), s => Assert.EndsWith("T19:00", s.LocalStart));
        Assert.All(after.Skip(2), s => Assert.EndsWith("T20:00", s.LocalStart));
        Assert.All(after.Skip(2), s => Assert.Equal(changed.Id, s.SeriesId));
        Assert.All(after.Skip(2), s => Assert.Equal("Later practice", s.Title));
        Assert.All(after, s => Assert.Equal(SessionStatus.Scheduled, s.Status));

        var movedThird = after.Single(s => s.Id == third.Id); // the same session, moved, keeping its RSVP
        Assert.Equal(1, movedThird.Going);
        Assert.Equal(TimeSpan.FromMinutes(60), movedThird.EndsAt - movedThird.StartsAt);
        var thirdMoved = await rescheduled.WaitForAsync(e => e.SessionId == third.Id);
        Assert.Equal(third.StartsAt.AddHours(1), thirdMoved.StartsAt);
        Assert.Equal([member.Id], thirdMoved.Coming!);

        var feed = await FeedAsync(studio.Facilitator, $"/api/studios/{studio.Id}/calendar.ics");
        AssertFeedMatches(feed, after, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
    }

    [Fact]
    public async Task Editing_a_series_before_its_first_session_redefines_it_in_place()
    {
        var (studio, series, sessions) = await WeeklyAsync();
        var changed = await ReadAsync<SeriesResponse>(await PutAsync(studio.Facilitator, $"/api/series/{series.Id}",
            Series(series.Rule, series.StartDate, "18:00:00")));
        Assert.Equal(series.Id, changed.Id);
        Assert.Equal(series.Sequence + 1, changed.Sequence);

        var after = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(70));
        Assert.Equal(sessions.Select(s => s.Id), after.Select(s => s.Id));
        Assert.All(after, s => Assert.EndsWith("T18:00", s.LocalStart));
    }

    [Fact]
    public async Task Changing_the_facilitator_and_plan_of_one_session_checks_the_roster_and_plans()
    {
        var (studio, _, sessions) = await WeeklyAsync();
        var participant = await fixture.JoinAsync(studio);
        var coFacilitator = await fixture.JoinAsync(studio, "co-facilitator");

        var refused = await PutAsync(studio.Facilitator, $"/api/sessions/{sessions[0].Id}/facilitator", new { facilitatorId = participant.Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("facilitatorId", await refused.Content.ReadAsStringAsync());

        var changed = await ReadAsync<SessionResponse>(await PutAsync(studio.Facilitator, $"/api/sessions/{sessions[0].Id}/facilitator",
            new { facilitatorId = coFacilitator.Id }));
        Assert.Equal(coFacilitator.Id, changed.FacilitatorId);
        Assert.Equal(studio.FacilitatorId, (await ReadAsync<SessionResponse>(await studio.Facilitator.GetAsync($"/api/sessions/{sessions[1].Id}"))).FacilitatorId);

        var unknownPlan = await PutAsync(studio.Facilitator, $"/api/sessions/{sessions[0].Id}/plan", new { planId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownPlan.StatusCode);

        var forbidden = await PostAsync(participant.Client, $"/api/sessions/{sessions[0].Id}/cancel", new { reason = "Not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");
}
