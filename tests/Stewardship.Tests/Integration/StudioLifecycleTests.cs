using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Jobs;
using Studios.Stewardship.Telemetry;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Stewardship.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StudioLifecycleTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly HttpClient _facilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
    private readonly HttpClient _steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Sam Steward", "steward");
    private readonly HttpClient _participant = fixture.Factory.ClientFor(Guid.NewGuid(), "Pat Participant", "participant");
    private readonly HttpClient _operator = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");

    [Fact]
    public async Task The_whole_lifecycle_is_published_on_the_broker()
    {
        var proposed = await fixture.Bus.ObserveAsync<StudioProposed>();
        var approved = await fixture.Bus.ObserveAsync<StudioApproved>();
        var paused = await fixture.Bus.ObserveAsync<StudioPaused>();
        var resumed = await fixture.Bus.ObserveAsync<StudioResumed>();
        var retired = await fixture.Bus.ObserveAsync<StudioRetired>();
        var declined = await fixture.Bus.ObserveAsync<StudioDeclined>();
        var facilitatorId = Guid.NewGuid();
        var name = Api.UniqueName("Listening");

        var response = await _facilitator.PostJsonAsync("/api/studios", Api.Proposal(name, facilitatorId, capacity: 20, timeZone: "America/Chicago"));
        var studio = await response.ReadAsync<StudioResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/studios/{studio.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ETags.For(studio.Version), response.Headers.ETag?.ToString());
        Assert.Equal(StudioState.Proposed, studio.State);
        var proposal = await proposed.WaitForAsync(e => e.StudioId == studio.Id);
        Assert.Equal((name, 20, "America/Chicago", facilitatorId), (proposal.Name, proposal.Capacity, proposal.TimeZone, proposal.FoundingFacilitatorId));

        studio = await _steward.ApproveAsync(studio.Id);
        Assert.Equal(StudioState.Active, studio.State);
        var approval = await approved.WaitForAsync(e => e.StudioId == studio.Id);
        Assert.Equal((facilitatorId, 20, "America/Chicago", name), (approval.FoundingFacilitatorId, approval.Capacity, approval.TimeZone, approval.Name));

        studio = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/pause", new { reason = "Summer break" })).ReadAsync<StudioResponse>();
        Assert.Equal((StudioState.Paused, "Summer break"), (studio.State, studio.StateReason));
        Assert.Equal("Summer break", (await paused.WaitForAsync(e => e.StudioId == studio.Id)).Reason);

        studio = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/resume")).ReadAsync<StudioResponse>();
        Assert.Equal(StudioState.Active, studio.State);
        await resumed.WaitForAsync(e => e.StudioId == studio.Id);

        studio = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/retire", new { reason = "Served its purpose" })).ReadAsync<StudioResponse>();
        Assert.Equal(StudioState.Retired, studio.State);
        Assert.Equal("Served its purpose", (await retired.WaitForAsync(e => e.StudioId == studio.Id)).Reason);

        var other = await _facilitator.ProposeAsync();
        var decline = await (await _steward.PostJsonAsync($"/api/studios/{other.Id}/decline", new { reason = "Overlaps an existing studio" }))
            .ReadAsync<StudioResponse>();
        Assert.Equal(StudioState.Declined, decline.State);
        Assert.Equal("Overlaps an existing studio", (await declined.WaitForAsync(e => e.StudioId == other.Id)).Reason);
    }

    [Fact]
    public async Task Illegal_transitions_get_409_with_the_current_state()
    {
        var studio = await _facilitator.ProposeAsync();

        var retireProposed = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/retire")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("proposed", retireProposed.GetProperty("currentState").GetString());

        await _steward.ApproveAsync(studio.Id);
        var approveAgain = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/approve")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("active", approveAgain.GetProperty("currentState").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/retire")).StatusCode);
        var retireTwice = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/retire")).ProblemAsync(HttpStatusCode.Conflict);
        var resumeRetired = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/resume")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("retired", retireTwice.GetProperty("currentState").GetString());
        Assert.Equal("retired", resumeRetired.GetProperty("currentState").GetString());

        var current = await (await _steward.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>();
        Assert.Equal(StudioState.Retired, current.State);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_changes_nothing()
    {
        var studio = await _facilitator.ProposeAsync();
        var staleTag = ETags.For(studio.Version);
        var approved = await _steward.ApproveAsync(studio.Id);
        Assert.True(approved.Version > studio.Version);

        var stale = await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/pause", new { reason = "Holidays" }, ifMatch: staleTag))
            .ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(ETags.For(approved.Version), stale.GetProperty("currentETag").GetString());
        Assert.Equal(StudioState.Active, (await (await _steward.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>()).State);

        var fresh = await _steward.PostJsonAsync($"/api/studios/{studio.Id}/pause", new { reason = "Holidays" }, ifMatch: ETags.For(approved.Version));
        Assert.Equal(StudioState.Paused, (await fresh.ReadAsync<StudioResponse>()).State);
    }

    [Fact]
    public async Task Bad_proposals_get_400_naming_each_field_and_write_nothing()
    {
        var before = await CountAllAsync();

        var empty = await (await _facilitator.PostJsonAsync("/api/studios", new { })).FieldErrorsAsync();
        Assert.Equal(["capacity", "foundingFacilitatorId", "intendedCadence", "name", "practiceFocus", "purpose", "timeZone"],
            empty.Keys.Order());
        Assert.Equal("is required.", empty["name"].Single());

        var wrong = await (await _facilitator.PostJsonAsync("/api/studios", new
        {
            name = new string('n', 121),
            purpose = "p",
            practiceFocus = "f",
            intendedCadence = "c",
            capacity = 501,
            timeZone = "Mars/Olympus_Mons",
            foundingFacilitatorId = Guid.Empty,
        })).FieldErrorsAsync();
        Assert.Equal("must be at most 120 characters.", wrong["name"].Single());
        Assert.Equal("must be between 1 and 500.", wrong["capacity"].Single());
        Assert.StartsWith("is not a known IANA time zone", wrong["timeZone"].Single());
        Assert.Equal("must be a person's id.", wrong["foundingFacilitatorId"].Single());
        Assert.Equal(["capacity", "foundingFacilitatorId", "name", "timeZone"], wrong.Keys.Order());

        var zero = await (await _facilitator.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid(), capacity: 0))).FieldErrorsAsync();
        Assert.Equal(["capacity"], zero.Keys);

        var malformed = await _facilitator.PostAsync("/api/studios", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        Assert.Equal(before, await CountAllAsync());
    }

    [Fact]
    public async Task Lifecycle_commands_validate_their_reason_and_ids()
    {
        var studio = await _facilitator.ProposeAsync();

        Assert.Equal(["reason"], (await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/decline", new { })).FieldErrorsAsync()).Keys);
        Assert.Equal(["reason"], (await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/decline", new { reason = new string('r', 1001) })).FieldErrorsAsync()).Keys);
        Assert.Equal(["stewardId"], (await (await _steward.PostJsonAsync($"/api/studios/{studio.Id}/approve", new { stewardId = Guid.NewGuid() })).FieldErrorsAsync()).Keys);
        await (await _steward.PostJsonAsync($"/api/studios/{Guid.NewGuid()}/approve")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _steward.GetAsync($"/api/studios/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);

        // The refused approval (unknown steward) left the studio as it was.
        Assert.Equal(StudioState.Proposed, (await (await _steward.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>()).State);
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_a_declined_name_is_free_again()
    {
        var name = Api.UniqueName("Breath");
        var first = await _facilitator.ProposeAsync(name);

        var clash = await (await _facilitator.PostJsonAsync("/api/studios", Api.Proposal(name.ToUpperInvariant(), Guid.NewGuid())))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("name", clash.GetProperty("detail").GetString());

        await _steward.PostJsonAsync($"/api/studios/{first.Id}/decline", new { reason = "Not now" });
        var again = await _facilitator.ProposeAsync(name.ToLowerInvariant());
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task A_retried_proposal_with_the_same_Idempotency_Key_returns_the_same_studio()
    {
        var proposed = await fixture.Bus.ObserveAsync<StudioProposed>();
        var name = Api.UniqueName("Retry");
        var key = Guid.NewGuid().ToString();
        var facilitator = Guid.NewGuid();

        async Task<HttpResponseMessage> SendAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/studios")
            {
                Content = System.Net.Http.Json.JsonContent.Create(Api.Proposal(name, facilitator), options: Api.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await _facilitator.SendAsync(request);
        }

        var first = await (await SendAsync()).ReadAsync<StudioResponse>(HttpStatusCode.Created);
        var retry = await SendAsync();
        var second = await retry.ReadAsync<StudioResponse>(HttpStatusCode.Created);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal($"/api/studios/{first.Id}", retry.Headers.Location?.OriginalString);
        await proposed.WaitForAsync(e => e.StudioId == first.Id);
        var all = await ListAllAsync(_steward, "");
        Assert.Single(all, studio => studio.Name == name);
    }

    [Fact]
    public async Task Who_may_do_what()
    {
        var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/studios")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid()))).StatusCode);

        // Participants and operators do not propose; facilitators and stewards do.
        Assert.Equal(HttpStatusCode.Forbidden, (await _participant.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _operator.PostJsonAsync("/api/studios", Api.Proposal(Api.UniqueName(), Guid.NewGuid()))).StatusCode);
        var byFacilitator = await _facilitator.ProposeAsync();
        var bySteward = await _steward.ProposeAsync();

        // Only stewards review and change the lifecycle, and assign stewards.
        foreach (var client in new[] { _facilitator, _participant, _operator })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/studios/{byFacilitator.Id}/approve")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/studios/{byFacilitator.Id}/decline", new { reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"/api/studios/{byFacilitator.Id}/stewards", new { stewardId = Guid.NewGuid() })).StatusCode);
        }

        // A proposal is visible to its proposer and stewards, not to other people, until it is active.
        Assert.Equal(HttpStatusCode.OK, (await _facilitator.GetAsync($"/api/studios/{byFacilitator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _participant.GetAsync($"/api/studios/{byFacilitator.Id}")).StatusCode);
        await _steward.ApproveAsync(byFacilitator.Id);
        Assert.Equal(HttpStatusCode.OK, (await _participant.GetAsync($"/api/studios/{byFacilitator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _participant.GetAsync($"/api/studios/{bySteward.Id}")).StatusCode);

        // The network overview is for operators and stewards; the steward pool is kept by operators.
        Assert.Equal(HttpStatusCode.Forbidden, (await _participant.GetAsync("/api/network/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _facilitator.GetAsync("/api/network/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _operator.GetAsync("/api/network/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _steward.GetAsync("/api/network/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _steward.PostJsonAsync("/api/stewards", new { personId = Guid.NewGuid(), maxStudios = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _participant.GetAsync("/api/stewards")).StatusCode);
    }

    [Fact]
    public async Task Listing_filters_by_state_pages_by_cursor_and_shows_others_only_active_studios()
    {
        var prefix = $"Paging {Guid.NewGuid():N}";
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var studio = await _facilitator.ProposeAsync($"{prefix} {i}");
            ids.Add(studio.Id);
            if (i % 2 == 0) await _steward.ApproveAsync(studio.Id);
        }

        var stewardSees = (await ListAllAsync(_steward, "limit=2")).Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(ids, stewardSees.Select(s => s.Id));
        var activeOnly = (await ListAllAsync(_steward, "state=active&limit=1")).Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([ids[0], ids[2], ids[4]], activeOnly.Select(s => s.Id));
        Assert.All(activeOnly, studio => Assert.Equal(StudioState.Active, studio.State));
        var participantSees = (await ListAllAsync(_participant, "limit=3")).Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([ids[0], ids[2], ids[4]], participantSees.Select(s => s.Id));
        var proposerSees = (await ListAllAsync(_facilitator, "")).Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(ids, proposerSees.Select(s => s.Id));

        var errors = await (await _steward.GetAsync("/api/studios?state=closed&limit=0&cursor=nonsense")).FieldErrorsAsync();
        Assert.Equal(["cursor", "limit", "state"], errors.Keys.Order());
    }

    [Fact]
    public async Task The_studios_by_state_gauge_reads_the_cached_counts()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, StewardshipMetrics.MeterName);
        var transitionsBefore = metrics.Counter("studios.transitions", "studio.transition=proposed");
        var counts = await CountByStateAsync();
        var studio = await _facilitator.ProposeAsync();
        await _steward.ApproveAsync(studio.Id);
        var expected = await CountByStateAsync();
        Assert.Equal(counts["active"] + 1, expected["active"]);

        await Eventually.TrueAsync(() => metrics.Gauge("studios.count", "studio.state=active") == expected["active"]
                && metrics.Gauge("studios.count", "studio.state=proposed") == expected["proposed"],
            TimeSpan.FromSeconds(20), "the gauge to report the studios per state");
        Assert.Equal(1, metrics.Counter("studios.transitions", "studio.transition=proposed") - transitionsBefore);
        Assert.Equal(1, metrics.Counter("studios.transitions", "studio.transition=approved"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api()
    {
        var document = await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/studios", "/api/studios/{id}/approve", "/api/stewards", "/api/studios/{id}/check-ins",
                     "/api/studios/{id}/health", "/api/network/overview" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }

    /// <summary>The overview's studios per state, counted now: the overview serves the counts refresher's last pass, so
    /// one pass is run first.</summary>
    private async Task<Dictionary<string, long>> CountByStateAsync()
    {
        await fixture.Factory.Services.GetRequiredService<StudioCountsRefresher>().RunOnceAsync(CancellationToken.None);
        return (await (await _operator.GetAsync("/api/network/overview")).ReadAsync<NetworkOverviewResponse>()).StudiosByState.ToDictionary();
    }

    private async Task<long> CountAllAsync() => (await CountByStateAsync()).Values.Sum();

    private static async Task<List<StudioResponse>> ListAllAsync(HttpClient client, string query)
    {
        var all = new List<StudioResponse>();
        string? cursor = null;
        do
        {
            var uri = $"/api/studios?{query}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(uri)).ReadAsync<Page<StudioResponse>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
