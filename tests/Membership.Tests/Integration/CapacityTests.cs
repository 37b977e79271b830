using System.Net;
using System.Net.Http.Json;
using Dapper;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;

namespace Studios.Membership.Tests.Integration;

/// <summary>Places, the first-come waitlist and its automatic promotion.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CapacityTests(MembershipFixture fixture)
{
    [Fact]
    public async Task When_full_joins_wait_in_order_and_a_leave_promotes_the_first_in_line()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var member = await fixture.RegisterAsync();
        var second = await fixture.RegisterAsync();
        var third = await fixture.RegisterAsync();

        Assert.Equal("active", (await JoinAsync(member, studioId)).State);
        var waiting = await JoinAsync(second, studioId);
        Assert.Equal(("waitlisted", 1L), (waiting.State, waiting.WaitlistPosition));
        var thirdWaiting = await JoinAsync(third, studioId);
        Assert.Equal(("waitlisted", 2L), (thirdWaiting.State, thirdWaiting.WaitlistPosition));
        await (await third.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var waitlist = await (await member.Client.GetAsync($"/api/studios/{studioId}/waitlist")).ShouldBeAsync<List<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([(second.Id, 1L), (third.Id, 2L)], waitlist.Select(m => (m.PersonId, m.WaitlistPosition!.Value)));

        var left = await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/leave")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("left", "left"), (left.State, left.EndReason));
        var leftEvent = await fixture.MemberLeft.WaitForAsync(e => e.StudioId == studioId && e.PersonId == member.Id);
        Assert.Equal(("participant", "left"), (leftEvent.Role, leftEvent.Reason));
        var promoted = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == second.Id);
        Assert.Equal(("participant", "waitlist"), (promoted.Role, promoted.JoinedVia));
        Assert.DoesNotContain(fixture.MemberJoined.Messages, e => e.StudioId == studioId && e.PersonId == third.Id);

        waitlist = await (await second.Client.GetAsync($"/api/studios/{studioId}/waitlist")).ShouldBeAsync<List<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([(third.Id, 1L)], waitlist.Select(m => (m.PersonId, m.WaitlistPosition!.Value)));
    }

    [Fact]
    public async Task A_removal_frees_the_place_for_the_waitlist()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var member = await fixture.RegisterAsync();
        var waiting = await fixture.RegisterAsync();
        await JoinAsync(member, studioId);
        await JoinAsync(waiting, studioId);

        await (await waiting.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/remove")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await waiting.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/leave")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var removed = await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/remove"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("removed", "removed"), (removed.State, removed.EndReason));

        var left = await fixture.MemberLeft.WaitForAsync(e => e.StudioId == studioId && e.PersonId == member.Id);
        Assert.Equal("removed", left.Reason);
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == waiting.Id && e.JoinedVia == "waitlist");
        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/remove")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Leaving_the_waitlist_publishes_nothing_and_keeps_the_order()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var member = await fixture.RegisterAsync();
        var first = await fixture.RegisterAsync();
        var second = await fixture.RegisterAsync();
        await JoinAsync(member, studioId);
        await JoinAsync(first, studioId);
        await JoinAsync(second, studioId);

        var gone = await (await first.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{first.Id}/leave")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("left", gone.State);
        var waitlist = await (await member.Client.GetAsync($"/api/studios/{studioId}/waitlist")).ShouldBeAsync<List<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([(second.Id, 1L)], waitlist.Select(m => (m.PersonId, m.WaitlistPosition!.Value)));

        await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/leave")).ShouldBeAsync(HttpStatusCode.OK);
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == second.Id);
        Assert.DoesNotContain(fixture.MemberLeft.Messages, e => e.StudioId == studioId && e.PersonId == first.Id);
    }

    [Fact]
    public async Task Facilitators_and_co_facilitators_take_no_place()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var participant = await fixture.RegisterAsync();
        var helper = await fixture.RegisterAsync();
        Assert.Equal("active", (await JoinAsync(participant, studioId)).State);

        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = helper.Email, role = "co-facilitator" }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);
        var accepted = await (await helper.Client.PostEmptyAsync($"/api/invitations/{invitation.Token}/accept")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("active", "co-facilitator"), (accepted.State, accepted.Role));

        var studio = await (await helper.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal((1L, 0L), (studio.ActiveParticipants, studio.PlacesLeft));
    }

    [Fact]
    public async Task Making_a_participant_co_facilitator_frees_a_place_and_the_reverse_needs_one()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var participant = await fixture.RegisterAsync();
        var waiting = await fixture.RegisterAsync();
        await JoinAsync(participant, studioId);
        await JoinAsync(waiting, studioId);

        var changed = await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{participant.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("co-facilitator", changed.Role);
        var roleChanged = await fixture.MemberRoleChanged.WaitForAsync(e => e.StudioId == studioId && e.PersonId == participant.Id);
        Assert.Equal(("participant", "co-facilitator", facilitator.Id), (roleChanged.PreviousRole, roleChanged.Role, roleChanged.ChangedBy));
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == waiting.Id && e.JoinedVia == "waitlist");

        var full = await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{participant.Id}/role", new { role = "participant" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, full.GetProperty("currentState").GetProperty("capacity").GetInt32());
    }

    /// <summary>Many people race for the last places of several studios at once: exactly as many get a place
    /// as there are places, everyone else waits in a gap-free line, and MemberJoinedStudio is published once per place.</summary>
    [Fact]
    public async Task Concurrent_joins_never_overfill_a_studio()
    {
        const int places = 2;
        const int contenders = 8;
        for (var round = 0; round < 3; round++)
        {
            var facilitator = await fixture.RegisterAsync();
            var studioId = await fixture.OpenStudioAsync(facilitator, capacity: places);
            var people = await Task.WhenAll(Enumerable.Range(0, contenders).Select(_ => fixture.RegisterAsync()));

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var joins = people.Select(person => Task.Run(async () =>
            {
                await start.Task;
                return await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests"))
                    .ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(joins);

            Assert.Equal(places, results.Count(r => r.State == "active"));
            Assert.Equal(Enumerable.Range(1, contenders - places).Select(i => (long?)i),
                results.Where(r => r.State == "waitlisted").Select(r => r.WaitlistPosition).Order());

            await using var connection = await fixture.OpenDatabaseAsync();
            Assert.Equal(places, await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM memberships WHERE studio_id = @studioId AND state = 'active' AND role = 'participant'", new { studioId }));
            Assert.Equal(places, await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM outbox WHERE message_type LIKE 'Studios.Membership.Contracts.MemberJoinedStudio,%' AND body->>'studioId' = @id AND body->>'role' = 'participant'",
                new { id = studioId.ToString() }));
            var studio = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
            Assert.Equal((places, 0L, contenders - places), (studio.ActiveParticipants, studio.PlacesLeft, studio.WaitlistLength));
        }
    }

    private static async Task<MemberResponse> JoinAsync(TestPerson person, Guid studioId) =>
        await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
}
