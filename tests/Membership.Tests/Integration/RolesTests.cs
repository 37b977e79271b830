using System.Net;
using System.Net.Http.Json;
using Studios.Membership.Apis.Models;

namespace Studios.Membership.Tests.Integration;

/// <summary>Roles in a studio, and the rule that it always keeps a facilitator.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RolesTests(MembershipFixture fixture)
{
    [Fact]
    public async Task The_last_facilitator_cannot_leave_be_removed_or_step_down()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);

        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{facilitator.Id}/leave")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{facilitator.Id}/remove")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{facilitator.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var roster = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=active&role=facilitator"))
            .ShouldBeAsync<Studios.ServiceDefaults.Http.Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([facilitator.Id], roster.Items.Select(m => m.PersonId));
    }

    [Fact]
    public async Task With_a_second_facilitator_the_first_may_hand_over_and_leave()
    {
        var founder = await fixture.RegisterAsync();
        var successor = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(founder, capacity: 3);
        await successor.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");

        await (await successor.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{successor.Id}/role", new { role = "facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var promoted = await (await founder.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{successor.Id}/role", new { role = "facilitator" }))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("facilitator", promoted.Role);
        var changed = await fixture.MemberRoleChanged.WaitForAsync(e => e.StudioId == studioId && e.PersonId == successor.Id);
        Assert.Equal(("participant", "facilitator", founder.Id), (changed.PreviousRole, changed.Role, changed.ChangedBy));

        var left = await (await founder.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{founder.Id}/leave")).ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("left", left.State);
        var leftEvent = await fixture.MemberLeft.WaitForAsync(e => e.StudioId == studioId && e.PersonId == founder.Id);
        Assert.Equal(("facilitator", "left"), (leftEvent.Role, leftEvent.Reason));

        // The successor is now the last facilitator.
        await (await successor.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{successor.Id}/leave")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Co_facilitators_manage_participants_but_not_facilitators_or_roles()
    {
        var facilitator = await fixture.RegisterAsync();
        var co = await fixture.RegisterAsync();
        var participant = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        await co.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        await participant.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{co.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        await (await co.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{participant.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await co.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{facilitator.Id}/remove")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var removed = await (await co.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{participant.Id}/remove"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal("removed", removed.State);

        var invalid = await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{co.Id}/role", new { role = "steward" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("role", out _));
        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{participant.Id}/role", new { role = "facilitator" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
