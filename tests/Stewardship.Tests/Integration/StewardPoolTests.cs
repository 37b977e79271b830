using System.Net;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StewardPoolTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly HttpClient _operator = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
    private readonly HttpClient _facilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
    private readonly Guid _reviewerId = Guid.NewGuid();
    private HttpClient Reviewer => fixture.Factory.ClientFor(_reviewerId, "Rae Reviewer", "steward");

    [Fact]
    public async Task Operators_keep_the_pool_and_each_stewards_load_is_visible()
    {
        var stewardId = await fixture.RegisteredPersonAsync();
        var added = await (await _operator.PostJsonAsync("/api/stewards", new { personId = stewardId, displayName = "Sam Steward", maxStudios = 2 }))
            .ReadAsync<StewardResponse>(HttpStatusCode.Created);
        Assert.Equal((stewardId, "Sam Steward", 2, 0), (added.PersonId, added.DisplayName, added.MaxStudios, added.Load));

        var again = await (await _operator.PostJsonAsync("/api/stewards", new { personId = stewardId, maxStudios = 3 })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("steward", again.GetProperty("currentState").GetString());

        var studio = await _facilitator.ProposeAsync();
        await Reviewer.ApproveAsync(studio.Id, stewardId);
        var steward = fixture.Factory.ClientFor(stewardId, "Sam Steward", "steward");
        var loaded = await (await steward.GetAsync($"/api/stewards/{stewardId}")).ReadAsync<StewardResponse>();
        Assert.Equal(1, loaded.Load);
        var all = await (await steward.GetAsync("/api/stewards?limit=200")).ReadAsync<Page<StewardResponse>>();
        Assert.Contains(all.Items, s => s.PersonId == stewardId && s.Load == 1);

        var studios = await (await _operator.GetAsync($"/api/stewards/{stewardId}/studios")).ReadAsync<List<StewardStudioResponse>>();
        var held = Assert.Single(studios);
        Assert.Equal((studio.Id, StudioState.Active, _reviewerId), (held.StudioId, held.State, held.AssignedBy));

        var raised = await (await SendPutAsync(stewardId, new { maxStudios = 4 }, null)).ReadAsync<StewardResponse>();
        Assert.Equal((4, 1), (raised.MaxStudios, raised.Load));
        var stale = await SendPutAsync(stewardId, new { maxStudios = 5 }, ETags.For(added.Version));
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var updated = await (await SendPutAsync(stewardId, new { maxStudios = 5 }, ETags.For(raised.Version))).ReadAsync<StewardResponse>();
        Assert.Equal((5, "Sam Steward"), (updated.MaxStudios, updated.DisplayName));

        var invalid = await (await _operator.PostJsonAsync("/api/stewards", new { maxStudios = 0, displayName = new string('d', 201) })).FieldErrorsAsync();
        Assert.Equal(["displayName", "maxStudios", "personId"], invalid.Keys.Order());
        Assert.Equal(["maxStudios"], (await (await SendPutAsync(stewardId, new { maxStudios = 101 }, null)).FieldErrorsAsync()).Keys);
        await (await _operator.GetAsync($"/api/stewards/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stewards_are_assigned_and_unassigned_with_their_events()
    {
        var assigned = await fixture.Bus.ObserveAsync<StewardAssigned>();
        var unassigned = await fixture.Bus.ObserveAsync<StewardUnassigned>();
        var first = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 3)).PersonId;
        var second = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 3)).PersonId;
        var studio = await _facilitator.ProposeAsync();

        await Reviewer.ApproveAsync(studio.Id, first);
        Assert.Equal(_reviewerId, (await assigned.WaitForAsync(e => e.StudioId == studio.Id && e.StewardId == first)).AssignedBy);

        var withBoth = await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/stewards", new { stewardId = second })).ReadAsync<StudioResponse>();
        Assert.Equal([first, second], withBoth.Stewards);
        await assigned.WaitForAsync(e => e.StudioId == studio.Id && e.StewardId == second);

        // Assigning again is answered the same and changes nothing.
        var same = await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/stewards", new { stewardId = second })).ReadAsync<StudioResponse>();
        Assert.Equal(withBoth.Stewards, same.Stewards);
        Assert.Equal(withBoth.Version, same.Version);

        var notInPool = await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/stewards", new { stewardId = Guid.NewGuid() })).FieldErrorsAsync();
        Assert.Equal("is not in the steward pool.", notInPool["stewardId"].Single());
        Assert.Equal(["stewardId"], (await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/stewards", new { })).FieldErrorsAsync()).Keys);
        await (await Reviewer.PostJsonAsync($"/api/studios/{Guid.NewGuid()}/stewards", new { stewardId = first })).ProblemAsync(HttpStatusCode.NotFound);

        var removed = await Reviewer.DeleteAsync($"/api/studios/{studio.Id}/stewards/{second}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(_reviewerId, (await unassigned.WaitForAsync(e => e.StudioId == studio.Id && e.StewardId == second)).UnassignedBy);
        await (await Reviewer.DeleteAsync($"/api/studios/{studio.Id}/stewards/{second}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([first], (await (await Reviewer.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>()).Stewards);
        Assert.Equal(HttpStatusCode.Forbidden, (await _facilitator.DeleteAsync($"/api/studios/{studio.Id}/stewards/{first}")).StatusCode);
    }

    [Fact]
    public async Task A_full_steward_takes_no_more_studios_and_retired_studios_take_no_stewards()
    {
        var steward = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 1)).PersonId;
        var held = await _facilitator.ProposeAsync();
        await Reviewer.ApproveAsync(held.Id, steward);
        var other = await _facilitator.ProposeAsync();

        var full = await (await Reviewer.PostJsonAsync($"/api/studios/{other.Id}/stewards", new { stewardId = steward })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("full", full.GetProperty("currentState").GetString());
        await (await Reviewer.PostJsonAsync($"/api/studios/{other.Id}/approve", new { stewardId = steward })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StudioState.Proposed, (await (await Reviewer.GetAsync($"/api/studios/{other.Id}")).ReadAsync<StudioResponse>()).State);

        // Retiring frees the place: only open studios count as load.
        await Reviewer.PostJsonAsync($"/api/studios/{held.Id}/retire");
        var retiredAssign = await (await Reviewer.PostJsonAsync($"/api/studios/{held.Id}/stewards", new { stewardId = steward })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("retired", retiredAssign.GetProperty("currentState").GetString());
        var assigned = await (await Reviewer.PostJsonAsync($"/api/studios/{other.Id}/stewards", new { stewardId = steward })).ReadAsync<StudioResponse>();
        Assert.Equal([steward], assigned.Stewards);
    }

    [Fact]
    public async Task Removing_a_steward_from_the_pool_takes_them_off_their_studios()
    {
        var unassigned = await fixture.Bus.ObserveAsync<StewardUnassigned>();
        var operatorId = Guid.NewGuid();
        var operatorClient = fixture.Factory.ClientFor(operatorId, "Oda Operator", "operator");
        var steward = (await operatorClient.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5)).PersonId;
        var studios = new[] { await _facilitator.ProposeAsync(), await _facilitator.ProposeAsync() };
        foreach (var studio in studios) await Reviewer.ApproveAsync(studio.Id, steward);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/stewards/{steward}")).StatusCode);

        foreach (var studio in studios)
        {
            Assert.Equal(operatorId, (await unassigned.WaitForAsync(e => e.StudioId == studio.Id && e.StewardId == steward)).UnassignedBy);
            Assert.Empty((await (await Reviewer.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>()).Stewards);
        }
        await (await operatorClient.GetAsync($"/api/stewards/{steward}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.DeleteAsync($"/api/stewards/{steward}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.DeleteAsync($"/api/stewards/{Guid.NewGuid()}")).StatusCode);

        // Someone removed may be added back.
        Assert.Equal(0, (await operatorClient.AddStewardAsync(steward, 2)).Load);
    }

    [Fact]
    public async Task Only_registered_people_join_the_pool_and_erasure_takes_them_out()
    {
        var stranger = Guid.NewGuid();
        var refused = await (await _operator.PostJsonAsync("/api/stewards", new { personId = stranger, maxStudios = 2 })).FieldErrorsAsync();
        Assert.Equal("is not a registered person.", Assert.Single(refused["personId"]));
        await (await _operator.GetAsync($"/api/stewards/{stranger}")).ProblemAsync(HttpStatusCode.NotFound);

        await fixture.RegisteredPersonAsync(stranger);
        Assert.Equal(stranger, (await _operator.AddStewardAsync(stranger, 2)).PersonId);

        await fixture.Bus.PublishAsync(new Studios.Membership.Contracts.PersonErased(stranger, fixture.Time.GetUtcNow()));
        await fixture.WaitUntilRegisteredAsync(stranger, registered: false);
        await (await _operator.GetAsync($"/api/stewards/{stranger}")).ProblemAsync(HttpStatusCode.NotFound);
        var erased = await (await _operator.PostJsonAsync("/api/stewards", new { personId = stranger, maxStudios = 2 })).FieldErrorsAsync();
        Assert.Equal(["personId"], erased.Keys);

        // A registration delivered after the erasure does not bring them back.
        var late = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new Studios.Membership.Contracts.PersonRegistered(stranger, "Late", "Europe/Berlin", "en-GB",
            fixture.Time.GetUtcNow().AddMinutes(-5)), late);
        await fixture.WaitUntilConsumedAsync(late);
        Assert.Equal(["personId"], (await (await _operator.PostJsonAsync("/api/stewards", new { personId = stranger, maxStudios = 2 })).FieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_the_person_however_their_guid_subject_is_spelled()
    {
        var personId = Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        var proposal = Api.Proposal(Api.UniqueName(), personId);
        async Task<HttpResponseMessage> ProposeAs(string subject)
        {
            var client = fixture.Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", Studios.Testing.TestTokens.ForSubject(subject, "Fatima Facilitator", "facilitator"));
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/studios") { Content = System.Net.Http.Json.JsonContent.Create(proposal, options: Api.Json) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await (await ProposeAs(personId.ToString())).ReadAsync<StudioResponse>(HttpStatusCode.Created);
        foreach (var spelling in new[] { personId.ToString("B").ToUpperInvariant(), personId.ToString("N"), personId.ToString().ToUpperInvariant() })
        {
            var again = await ProposeAs(spelling);
            Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(first.Id, (await again.ReadAsync<StudioResponse>(HttpStatusCode.Created)).Id);
        }
    }

    private Task<HttpResponseMessage> SendPutAsync(Guid stewardId, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/stewards/{stewardId}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, options: Api.Json),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _operator.SendAsync(request);
    }
}
