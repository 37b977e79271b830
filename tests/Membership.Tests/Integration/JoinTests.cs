using System.Net;
using System.Net.Http.Json;
using Studios.Membership.Apis.Models;
using Studios.ServiceDefaults.Http;

namespace Studios.Membership.Tests.Integration;

/// <summary>Joining under each policy, and who sees and manages what.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JoinTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Under_an_open_policy_a_person_joins_at_once()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "open");

        var response = await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        var member = await response.ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
        Assert.Equal(("active", "participant", "open"), (member.State, member.Role, member.JoinedVia));
        Assert.Equal($"/api/studios/{studioId}/join-requests/{member.MembershipId}", response.Headers.Location?.OriginalString);

        var joined = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == person.Id);
        Assert.Equal(("participant", "open"), (joined.Role, joined.JoinedVia));
        var again = await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("active", again.GetProperty("currentState").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Under_request_to_join_a_facilitator_approves_once()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "request-to-join");

        var request = await (await person.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests", new { intakeAnswer = "I journal daily." }))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
        Assert.Equal(("requested", "I journal daily."), (request.State, request.IntakeAnswer));
        Assert.DoesNotContain(fixture.MemberJoined.Messages, e => e.StudioId == studioId && e.PersonId == person.Id);

        // The requester cannot approve themselves; the facilitator sees the request with its answer.
        await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/approve"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var seen = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("I journal daily.", person.Email), (seen.IntakeAnswer, seen.Email));

        var approved = await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/approve"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("active", "request"), (approved.State, approved.JoinedVia));
        var joined = await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == person.Id);
        Assert.Equal("request", joined.JoinedVia);

        var twice = await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/approve"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("active", twice.GetProperty("currentState").GetProperty("state").GetString());
        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/decline"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_declined_request_ends_without_an_event_and_the_person_may_ask_again()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "request-to-join");
        var request = await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);

        var declined = await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/decline"))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.OK);
        Assert.Equal(("declined", "declined"), (declined.State, declined.EndReason));
        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests/{request.MembershipId}/approve"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var second = await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
        Assert.NotEqual(request.MembershipId, second.MembershipId);
        Assert.Equal("requested", second.State);
    }

    [Fact]
    public async Task An_invite_only_studio_refuses_joins()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3, joinPolicy: "invite-only");
        await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var studio = await (await person.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal(0, studio.ActiveParticipants);
    }

    [Fact]
    public async Task Joining_needs_a_registered_person_and_a_known_studio()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        var unregistered = fixture.Person();
        await (await unregistered.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var person = await fixture.RegisterAsync();
        await (await person.Client.PostEmptyAsync($"/api/studios/{Guid.NewGuid()}/join-requests")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var tooLong = await (await person.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests", new { intakeAnswer = new string('x', 2001) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("intakeAnswer", out _));
    }

    [Fact]
    public async Task The_policy_is_set_by_the_studio_facilitators_with_optimistic_concurrency()
    {
        var facilitator = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 3);
        await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");

        await (await member.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy", new { joinPolicy = "invite-only" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/policy", new { joinPolicy = "everyone" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("joinPolicy", out _));

        var current = await facilitator.Client.GetAsync($"/api/studios/{studioId}");
        var etag = current.Headers.ETag!.Tag;
        var change = new HttpRequestMessage(HttpMethod.Put, $"/api/studios/{studioId}/policy")
        {
            Content = JsonContent.Create(new { joinPolicy = "request-to-join", intakeQuestion = "What do you practise?" }),
            Headers = { { "If-Match", etag } },
        };
        var updated = await (await facilitator.Client.SendAsync(change)).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal(("request-to-join", "What do you practise?"), (updated.JoinPolicy, updated.IntakeQuestion));

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/studios/{studioId}/policy")
        {
            Content = JsonContent.Create(new { joinPolicy = "open" }),
            Headers = { { "If-Match", etag } },
        };
        await (await facilitator.Client.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var studio = await (await member.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal("request-to-join", studio.JoinPolicy);
    }

    [Fact]
    public async Task Members_see_the_roster_with_emails_only_for_facilitators_others_see_its_size()
    {
        var facilitator = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");
        await other.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests");

        var asMember = await (await member.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal(3, asMember.Items.Count);
        Assert.Equal(member.Email, asMember.Items.Single(m => m.PersonId == member.Id).Email);
        Assert.Null(asMember.Items.Single(m => m.PersonId == other.Id).Email);
        Assert.Null(asMember.Items.Single(m => m.PersonId == facilitator.Id).Email);

        var asFacilitator = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.All(asFacilitator.Items, m => Assert.NotNull(m.Email));
        var asOperator = await (await fixture.Person("Ops", "operator").Client.GetAsync($"/api/studios/{studioId}/members"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.All(asOperator.Items, m => Assert.NotNull(m.Email));
        var asSteward = await (await fixture.Person("Steward", "steward").Client.GetAsync($"/api/studios/{studioId}/members"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.All(asSteward.Items, m => Assert.Null(m.Email));

        await (await outsider.Client.GetAsync($"/api/studios/{studioId}/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await outsider.Client.GetAsync($"/api/studios/{studioId}/waitlist")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var size = await (await outsider.Client.GetAsync($"/api/studios/{studioId}")).ShouldBeAsync<StudioResponse>(HttpStatusCode.OK);
        Assert.Equal((2L, 3L), (size.ActiveParticipants, size.PlacesLeft));
    }

    [Fact]
    public async Task The_roster_filters_by_state_and_role_and_pages_with_a_cursor()
    {
        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 2);
        var people = new List<TestPerson>();
        for (var i = 0; i < 4; i++)
        {
            var person = await fixture.RegisterAsync();
            await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
            people.Add(person);
        }

        var participants = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=active&role=participant"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([people[0].Id, people[1].Id], participants.Items.Select(m => m.PersonId));
        var facilitators = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?role=facilitator"))
            .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
        Assert.Equal([facilitator.Id], facilitators.Items.Select(m => m.PersonId));

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}"))
                .ShouldBeAsync<Page<MemberResponse>>(HttpStatusCode.OK);
            seen.AddRange(page.Items.Select(m => m.PersonId));
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal([facilitator.Id, .. people.Select(p => p.Id)], seen);

        var bad = await (await facilitator.Client.GetAsync($"/api/studios/{studioId}/members?state=dancing&cursor=%%%")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("state", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}
