using System.Net;
using Studios.Membership.Contracts;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Domain;
using Studios.Testing;
using static Studios.Scheduling.Tests.Integration.Api;
using static Studios.Scheduling.Tests.Integration.SchedulingFixture;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>RSVPs against capacity: the waitlist, promotion, the race for the last place, series RSVPs and leaving.</summary>
[Collection(SchedulingCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RsvpTests(SchedulingFixture fixture)
{
    private const string Zone = "America/New_York";

    private async Task<(TestStudio Studio, SeriesResponse Series, List<SessionResponse> Sessions)> SeriesWithCapacityAsync(int capacity,
        string zone = Zone)
    {
        var studio = await fixture.NewStudioAsync(zone);
        var start = Today(zone).AddDays(2);
        var series = await CreateSeriesAsync(studio, Series($"FREQ=WEEKLY;BYDAY={Weekday(start)}", start, capacity: capacity));
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(40));
        return (studio, series, sessions);
    }

    private static async Task<RsvpResult> RsvpAsync(TestMember member, Guid sessionId, string response) =>
        await ReadAsync<RsvpResult>(await PutAsync(member.Client, $"/api/sessions/{sessionId}/rsvps/me", new { response }));

    [Fact]
    public async Task Beyond_capacity_people_wait_and_move_up_when_someone_withdraws()
    {
        var (studio, _, sessions) = await SeriesWithCapacityAsync(2);
        var session = sessions[0].Id;
        var members = new List<TestMember>();
        for (var i = 0; i < 4; i++) members.Add(await fixture.JoinAsync(studio));

        Assert.Equal(RsvpStatus.Going, (await RsvpAsync(members[0], session, "going")).Status);
        Assert.Equal(RsvpStatus.Going, (await RsvpAsync(members[1], session, "going")).Status);
        var third = await RsvpAsync(members[2], session, "going");
        var fourth = await RsvpAsync(members[3], session, "going");
        Assert.Equal((RsvpStatus.Waitlisted, 1L), (third.Status, third.WaitlistPosition));
        Assert.Equal((RsvpStatus.Waitlisted, 2L), (fourth.Status, fourth.WaitlistPosition));
        Assert.Equal(RsvpStatus.Going, (await RsvpAsync(members[0], session, "going")).Status); // asking again changes nothing

        Assert.Equal(RsvpStatus.NotGoing, (await RsvpAsync(members[1], session, "not-going")).Status);
        var list = await ReadAsync<List<RsvpResult>>(await studio.Facilitator.GetAsync($"/api/sessions/{session}/rsvps"));
        Assert.Equal(RsvpStatus.Going, list.Single(r => r.PersonId == members[2].Id).Status);
        Assert.Equal((RsvpStatus.Waitlisted, 1L), list.Single(r => r.PersonId == members[3].Id) is var w ? (w.Status, w.WaitlistPosition) : default);

        var detail = await ReadAsync<SessionResponse>(await members[3].Client.GetAsync($"/api/sessions/{session}"));
        Assert.Equal((2, 1, RsvpStatus.Waitlisted), (detail.Going, detail.Waitlisted, detail.MyRsvp));
    }

    [Fact]
    public async Task Two_people_racing_for_the_last_place_one_gets_it_the_other_waits()
    {
        var (studio, _, sessions) = await SeriesWithCapacityAsync(1);
        foreach (var session in sessions.Take(4))
        {
            var a = await fixture.JoinAsync(studio);
            var b = await fixture.JoinAsync(studio);
            var results = await Task.WhenAll(RsvpAsync(a, session.Id, "going"), RsvpAsync(b, session.Id, "going"));
            Assert.Single(results, r => r.Status == RsvpStatus.Going);
            Assert.Single(results, r => r.Status == RsvpStatus.Waitlisted);
            var detail = await ReadAsync<SessionResponse>(await studio.Facilitator.GetAsync($"/api/sessions/{session.Id}"));
            Assert.Equal((1, 1), (detail.Going, detail.Waitlisted));
        }
    }

    [Fact]
    public async Task A_series_rsvp_covers_current_and_future_sessions_and_leaving_drops_them_and_promotes()
    {
        var (studio, series, sessions) = await SeriesWithCapacityAsync(1);
        var leaver = await fixture.JoinAsync(studio);
        var waiting = await fixture.JoinAsync(studio);

        var all = await ReadAsync<SeriesRsvpResult>(await PutAsync(leaver.Client, $"/api/series/{series.Id}/rsvps/me", new { response = "going" }));
        Assert.Equal(sessions.Select(s => s.Id), all.Sessions.Take(sessions.Count).Select(s => s.SessionId));
        Assert.All(all.Sessions, s => Assert.Equal(RsvpStatus.Going, s.Status));
        Assert.Equal(RsvpStatus.Waitlisted, (await RsvpAsync(waiting, sessions[0].Id, "going")).Status);

        await fixture.Bus.PublishAsync(new MemberLeftStudio(studio.Id, leaver.Id, StudioRoles.Participant, "left", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () =>
            (await ReadAsync<SessionResponse>(await waiting.Client.GetAsync($"/api/sessions/{sessions[0].Id}"))).MyRsvp == RsvpStatus.Going,
            Patience, "the waitlisted member should get the place the leaver held");

        var list = await ReadAsync<List<RsvpResult>>(await studio.Facilitator.GetAsync($"/api/sessions/{sessions[1].Id}/rsvps"));
        Assert.DoesNotContain(list, r => r.PersonId == leaver.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(leaver.Client, $"/api/sessions/{sessions[1].Id}/rsvps/me", new { response = "going" })).StatusCode);
    }

    [Fact]
    public async Task Rsvps_to_cancelled_or_past_sessions_and_from_non_members_are_refused()
    {
        var (studio, _, sessions) = await SeriesWithCapacityAsync(5, DaytimeZone());
        var member = await fixture.JoinAsync(studio);
        await ReadAsync<SessionResponse>(await PostAsync(studio.Facilitator, $"/api/sessions/{sessions[0].Id}/cancel", new { reason = "Holiday" }));

        var cancelled = await PutAsync(member.Client, $"/api/sessions/{sessions[0].Id}/rsvps/me", new { response = "going" });
        Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
        Assert.Contains("cancelled", await cancelled.Content.ReadAsStringAsync());

        var stranger = fixture.Factory.ClientFor(Guid.NewGuid(), "Stranger", "participant");
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(stranger, $"/api/sessions/{sessions[1].Id}/rsvps/me", new { response = "going" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/studios/{studio.Id}/sessions")).StatusCode);

        var missing = await PutAsync(member.Client, $"/api/sessions/{sessions[1].Id}/rsvps/me", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var bogus = await PutAsync(member.Client, $"/api/sessions/{sessions[1].Id}/rsvps/me", new { response = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);

        var past = await PastSessionAsync(fixture, studio);
        var late = await PutAsync(member.Client, $"/api/sessions/{past.Id}/rsvps/me", new { response = "going" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("already started", await late.Content.ReadAsStringAsync());
    }

    /// <summary>A session that started a few minutes ago: a series created today includes today's earlier occurrence.</summary>
    internal static async Task<SessionResponse> PastSessionAsync(SchedulingFixture fixture, TestStudio studio)
    {
        var local = Api.LocalNow(studio.TimeZone).AddMinutes(-10);
        var series = await CreateSeriesAsync(studio, Series("FREQ=DAILY;COUNT=1", DateOnly.FromDateTime(local),
            local.ToString("HH:mm:00"), title: "Started already"));
        var sessions = await SessionsAsync(studio.Facilitator, studio.Id, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        return sessions.Single(s => s.SeriesId == series.Id);
    }
}
