using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Studios.Membership.Contracts;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Telemetry;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>The nourishment log: check-ins by assigned stewards, follow-ups, and erasure leaving no names behind.</summary>
[Trait("Category", "Integration")]
public sealed class CheckInTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly HttpClient _operator = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
    private readonly HttpClient _facilitatorClient = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
    private readonly HttpClient _reviewer = fixture.Factory.ClientFor(Guid.NewGuid(), "Rae Reviewer", "steward");

    /// <summary>An active studio founded by a new facilitator and supported by a new steward (named <paramref name="stewardName"/>).</summary>
    private async Task<(StudioResponse Studio, Guid Facilitator, Guid StewardId, HttpClient Steward)> StudioWithStewardAsync(
        string stewardName = "Sam Steward")
    {
        var stewardId = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5, stewardName)).PersonId;
        var facilitator = Guid.NewGuid();
        var studio = await _facilitatorClient.ProposeAsync(facilitator: facilitator);
        await _reviewer.ApproveAsync(studio.Id, stewardId);
        return (studio, facilitator, stewardId, fixture.Factory.ClientFor(stewardId, stewardName, "steward"));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object CheckIn(Guid facilitator, string notes = "Energy is good; attendance dipped in June.", string? facilitatorName = null,
        DateOnly? heldOn = null, object[]? followUps = null) => new
        {
            facilitatorId = facilitator,
            facilitatorName,
            heldOn = heldOn ?? Today.AddDays(-2),
            notes,
            followUps = followUps ?? [],
        };

    [Fact]
    public async Task An_assigned_steward_records_a_check_in_and_its_follow_ups_stay_open_until_done()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, StewardshipMetrics.MeterName);
        var (studio, facilitator, stewardId, steward) = await StudioWithStewardAsync();

        var response = await steward.PostJsonAsync($"/api/studios/{studio.Id}/check-ins", CheckIn(facilitator, followUps:
        [
            new { action = "Share the co-facilitation guide", dueOn = Today.AddDays(14) },
            new { action = "Ask two participants about the time slot", dueOn = Today.AddDays(7) },
        ]));
        var checkIn = await response.ReadAsync<CheckInResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/studios/{studio.Id}/check-ins/{checkIn.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((stewardId, "Sam Steward", facilitator), (checkIn.StewardId, checkIn.StewardName, checkIn.FacilitatorId));
        Assert.Equal(2, checkIn.FollowUps.Count);
        Assert.Equal(1, metrics.Counter("stewardship.check_ins"));

        var log = await (await steward.GetAsync($"/api/studios/{studio.Id}/check-ins")).ReadAsync<Page<CheckInResponse>>();
        Assert.Equal(checkIn.Id, Assert.Single(log.Items).Id);
        Assert.Equal(checkIn.Notes, (await (await _operator.GetAsync(response.Headers.Location!.OriginalString)).ReadAsync<CheckInResponse>()).Notes);

        var open = await (await steward.GetAsync($"/api/stewards/{stewardId}/follow-ups")).ReadAsync<Page<FollowUpResponse>>();
        Assert.Equal(["Ask two participants about the time slot", "Share the co-facilitation guide"], open.Items.Select(f => f.Action));
        Assert.All(open.Items, f => Assert.Equal(studio.Name, f.StudioName));

        var done = await (await steward.PostJsonAsync($"/api/follow-ups/{open.Items[0].Id}/complete")).ReadAsync<FollowUpResponse>();
        Assert.False(done.Open);
        var stillOpen = await (await _operator.GetAsync($"/api/stewards/{stewardId}/follow-ups")).ReadAsync<Page<FollowUpResponse>>();
        Assert.Equal(["Share the co-facilitation guide"], stillOpen.Items.Select(f => f.Action));
    }

    [Fact]
    public async Task Only_a_steward_assigned_to_the_studio_records_and_reads_its_check_ins()
    {
        var (studio, facilitator, stewardId, steward) = await StudioWithStewardAsync();
        var otherSteward = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5)).PersonId;
        var other = fixture.Factory.ClientFor(otherSteward, "Olive Other", "steward");
        var uri = $"/api/studios/{studio.Id}/check-ins";

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync(uri, CheckIn(facilitator))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _operator.PostJsonAsync(uri, CheckIn(facilitator))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _facilitatorClient.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _operator.GetAsync(uri)).StatusCode);
        await (await steward.PostJsonAsync($"/api/studios/{Guid.NewGuid()}/check-ins", CheckIn(facilitator))).ProblemAsync(HttpStatusCode.NotFound);

        var checkIn = await (await steward.PostJsonAsync(uri, CheckIn(facilitator, followUps: [new { action = "Call back", dueOn = Today }])))
            .ReadAsync<CheckInResponse>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/stewards/{stewardId}/follow-ups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync($"/api/follow-ups/{checkIn.FollowUps[0].Id}/complete")).StatusCode);
        await (await steward.PostJsonAsync($"/api/follow-ups/{Guid.NewGuid()}/complete")).ProblemAsync(HttpStatusCode.NotFound);

        // Once unassigned, the steward no longer writes in the studio's log.
        await _reviewer.DeleteAsync($"/api/studios/{studio.Id}/stewards/{stewardId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await steward.PostJsonAsync(uri, CheckIn(facilitator))).StatusCode);
    }

    [Fact]
    public async Task Bad_check_ins_get_400_naming_each_field()
    {
        var (studio, _, _, steward) = await StudioWithStewardAsync();
        var uri = $"/api/studios/{studio.Id}/check-ins";

        var empty = await (await steward.PostJsonAsync(uri, new { })).FieldErrorsAsync();
        Assert.Equal(["facilitatorId", "heldOn", "notes"], empty.Keys.Order());

        var wrong = await (await steward.PostJsonAsync(uri, CheckIn(Guid.NewGuid(), notes: new string('n', 8001), heldOn: Today.AddDays(3),
            followUps: [new { action = "", dueOn = Today }, new { action = "Later", dueOn = Today.AddDays(-30) }]))).FieldErrorsAsync();
        Assert.Equal("is not a facilitator of this studio.", wrong["facilitatorId"].Single());
        Assert.Equal("cannot be in the future.", wrong["heldOn"].Single());
        Assert.Equal("must be at most 8000 characters.", wrong["notes"].Single());
        Assert.Equal("is required.", wrong["followUps[0].action"].Single());
        Assert.Contains("cannot be before the check-in.", wrong["followUps[1].dueOn"]);

        var unreadable = await steward.PostAsync(uri, new StringContent("""{"heldOn":"yesterday"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);

        var log = await (await steward.GetAsync(uri)).ReadAsync<Page<CheckInResponse>>();
        Assert.Empty(log.Items);
        Assert.Equal(["cursor"], (await (await steward.GetAsync($"{uri}?cursor=abc")).FieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task A_co_facilitator_on_the_roster_may_be_checked_in_with()
    {
        var (studio, _, _, steward) = await StudioWithStewardAsync();
        var coFacilitator = Guid.NewGuid();
        var uri = $"/api/studios/{studio.Id}/check-ins";
        Assert.Equal(HttpStatusCode.BadRequest, (await steward.PostJsonAsync(uri, CheckIn(coFacilitator))).StatusCode);

        await fixture.Bus.PublishAsync(new MemberJoinedStudio(studio.Id, coFacilitator, StudioRoles.CoFacilitator, "invitation", DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await steward.PostJsonAsync(uri, CheckIn(coFacilitator))).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(20), "the co-facilitator to be on the roster");
    }

    [Fact]
    public async Task Check_ins_are_paged_latest_first()
    {
        var (studio, facilitator, _, steward) = await StudioWithStewardAsync();
        var uri = $"/api/studios/{studio.Id}/check-ins";
        for (var daysAgo = 5; daysAgo >= 1; daysAgo--)
        {
            await (await steward.PostJsonAsync(uri, CheckIn(facilitator, notes: $"{daysAgo} days ago", heldOn: Today.AddDays(-daysAgo))))
                .ReadAsync<CheckInResponse>(HttpStatusCode.Created);
        }

        var notes = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await steward.GetAsync($"{uri}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).ReadAsync<Page<CheckInResponse>>();
            Assert.InRange(page.Items.Count, 1, 2);
            notes.AddRange(page.Items.Select(c => c.Notes));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(["1 days ago", "2 days ago", "3 days ago", "4 days ago", "5 days ago"], notes);
    }

    [Fact]
    public async Task Erasing_a_person_leaves_no_name_of_theirs_in_check_ins()
    {
        var unassigned = await fixture.Bus.ObserveAsync<StewardUnassigned>();
        var (studio, facilitator, stewardId, steward) = await StudioWithStewardAsync("Grace Hopper");
        var uri = $"/api/studios/{studio.Id}/check-ins";
        var checkIn = await (await steward.PostJsonAsync(uri, CheckIn(facilitator, facilitatorName: "Ada Lovelace",
                notes: "Ada Lovelace feels stretched; Grace offered to co-host. ada will rest in August.",
                followUps: [new { action = "Grace to send Ada the rota", dueOn = Today }])))
            .ReadAsync<CheckInResponse>(HttpStatusCode.Created);

        var erasedFacilitator = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new PersonErased(facilitator, DateTimeOffset.UtcNow), erasedFacilitator);
        await fixture.Bus.PublishAsync(new PersonErased(facilitator, DateTimeOffset.UtcNow), erasedFacilitator); // redelivered

        await Eventually.TrueAsync(async () => (await ReadAsync()).FacilitatorName is null, TimeSpan.FromSeconds(20),
            "the facilitator's name to be erased");
        var afterFacilitator = await ReadAsync();
        Assert.Equal("[erased] feels stretched; Grace offered to co-host. [erased] will rest in August.", afterFacilitator.Notes);
        Assert.Equal("Grace to send [erased] the rota", afterFacilitator.FollowUps.Single().Action);
        Assert.Equal("Grace Hopper", afterFacilitator.StewardName);

        await fixture.Bus.PublishAsync(new PersonErased(stewardId, DateTimeOffset.UtcNow));

        Assert.Equal(Consumers.PersonErasedConsumer.System, (await unassigned.WaitForAsync(e => e.StudioId == studio.Id && e.StewardId == stewardId)).UnassignedBy);
        await Eventually.TrueAsync(async () => (await ReadAsync()).StewardName is null, TimeSpan.FromSeconds(20), "the steward's name to be erased");
        var afterSteward = await ReadAsync();
        Assert.Equal("[erased] feels stretched; [erased] offered to co-host. [erased] will rest in August.", afterSteward.Notes);
        Assert.Equal("[erased] to send [erased] the rota", afterSteward.FollowUps.Single().Action);
        await (await _operator.GetAsync($"/api/stewards/{stewardId}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await _reviewer.GetAsync($"/api/studios/{studio.Id}")).ReadAsync<StudioResponse>()).Stewards);

        async Task<CheckInResponse> ReadAsync() =>
            await (await _operator.GetAsync($"{uri}/{checkIn.Id}")).ReadAsync<CheckInResponse>();
    }
}
