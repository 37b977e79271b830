using System.Net;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Approval without a named steward picks the steward with the fewest open studios. Each test starts from an
/// empty pool (the class has its own service and database, and its tests run one after another).</summary>
[Trait("Category", "Integration")]
public sealed class AutomaticAssignmentTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly HttpClient _operator = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
    private readonly HttpClient _facilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");
    private readonly HttpClient _reviewer = fixture.Factory.ClientFor(Guid.NewGuid(), "Rae Reviewer", "steward");

    [Fact]
    public async Task Approval_without_a_named_steward_goes_to_the_steward_with_the_fewest_open_studios()
    {
        await EmptyPoolAsync();
        var approved = await fixture.Bus.ObserveAsync<StudioApproved>();
        var assigned = await fixture.Bus.ObserveAsync<StewardAssigned>();
        var longServing = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5)).PersonId;
        var newcomer = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5)).PersonId;
        var first = await _facilitator.ProposeAsync();
        await _reviewer.ApproveAsync(first.Id, longServing);

        var second = await _reviewer.ApproveAsync((await _facilitator.ProposeAsync()).Id);

        Assert.Equal([newcomer], second.Stewards);
        Assert.Equal(newcomer, (await approved.WaitForAsync(e => e.StudioId == second.Id)).StewardId);
        Assert.Null((await assigned.WaitForAsync(e => e.StudioId == second.Id)).AssignedBy);

        // One open studio each now: the tie goes to the longest-serving steward.
        var third = await _reviewer.ApproveAsync((await _facilitator.ProposeAsync()).Id);
        Assert.Equal([longServing], third.Stewards);
    }

    [Fact]
    public async Task A_steward_assigned_before_approval_keeps_the_studio()
    {
        await EmptyPoolAsync();
        var approved = await fixture.Bus.ObserveAsync<StudioApproved>();
        var busy = (await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5)).PersonId;
        await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 5); // idle: the automatic choice would have been this one
        await _reviewer.ApproveAsync((await _facilitator.ProposeAsync()).Id, busy);
        var studio = await _facilitator.ProposeAsync();
        await (await _reviewer.PostJsonAsync($"/api/studios/{studio.Id}/stewards", new { stewardId = busy })).ReadAsync<StudioResponse>();

        var active = await _reviewer.ApproveAsync(studio.Id);

        Assert.Equal([busy], active.Stewards);
        Assert.Equal(busy, (await approved.WaitForAsync(e => e.StudioId == studio.Id)).StewardId);
    }

    [Fact]
    public async Task Concurrent_approvals_fill_every_steward_exactly_to_capacity()
    {
        await EmptyPoolAsync();
        var approved = await fixture.Bus.ObserveAsync<StudioApproved>();
        var stewards = new List<Guid>();
        for (var i = 0; i < 3; i++) stewards.Add((await _operator.AddStewardAsync(await fixture.RegisteredPersonAsync(), 2)).PersonId);
        var studios = new List<StudioResponse>();
        for (var i = 0; i < 8; i++) studios.Add(await _facilitator.ProposeAsync());

        var results = await Task.WhenAll(studios.Select(studio => Task.Run(() => _reviewer.ApproveAsync(studio.Id))));

        Assert.Equal(6, results.Count(studio => studio.Stewards.Count == 1));
        Assert.Equal(2, results.Count(studio => studio.Stewards.Count == 0));
        Assert.All(stewards, steward => Assert.Equal(2, results.Count(studio => studio.Stewards.Contains(steward))));
        foreach (var steward in stewards)
        {
            var row = await (await _operator.GetAsync($"/api/stewards/{steward}")).ReadAsync<StewardResponse>();
            Assert.Equal((2, 2), (row.Load, row.MaxStudios));
        }
        foreach (var studio in results)
        {
            var published = await approved.WaitForAsync(e => e.StudioId == studio.Id);
            Assert.Equal(studio.Stewards.Cast<Guid?>().SingleOrDefault(), published.StewardId);
        }
    }

    private async Task EmptyPoolAsync()
    {
        var pool = await (await _operator.GetAsync($"/api/stewards?limit={Cursor.MaxLimit}")).ReadAsync<Page<StewardResponse>>();
        foreach (var steward in pool.Items)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _operator.DeleteAsync($"/api/stewards/{steward.PersonId}")).StatusCode);
        }
    }
}
