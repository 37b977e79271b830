using System.Net;
using System.Net.Http.Json;
using Dapper;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Http;

namespace Studios.Membership.Tests.Integration;

/// <summary>Removals, role changes and erasures land in the audit trail with ids only, and the trail outlives the person.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuditTrailTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Role_changes_and_removals_are_recorded_for_the_studio_and_leaving_is_not()
    {
        var facilitator = await fixture.RegisterAsync();
        var co = await fixture.RegisterAsync();
        var removed = await fixture.RegisterAsync();
        var leaving = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        foreach (var member in new[] { co, removed, leaving })
            await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);

        await (await facilitator.Client.PutAsJsonAsync($"/api/studios/{studioId}/members/{co.Id}/role", new { role = "co-facilitator" }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await co.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{removed.Id}/remove")).ShouldBeAsync(HttpStatusCode.OK);
        await (await leaving.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{leaving.Id}/leave")).ShouldBeAsync(HttpStatusCode.OK);
        // Refused: a co-facilitator may not remove the facilitator, so nothing is recorded.
        await (await co.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{facilitator.Id}/remove")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var trail = await ReadAsync($"studioId={studioId}");
        Assert.Equal(
            [(AuditActions.MemberRemoved, co.Id, removed.Id), (AuditActions.MemberRoleChanged, facilitator.Id, co.Id)],
            trail.Items.Select(r => (r.Action, r.ActorId, r.PersonId!.Value)));
        var change = trail.Items[1].Detail!.Value;
        Assert.Equal(("participant", "co-facilitator"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal("participant", trail.Items[0].Detail!.Value.GetProperty("role").GetString());
        Assert.All(trail.Items, record => Assert.NotNull(record.TraceId));
    }

    [Fact]
    public async Task An_erasure_is_recorded_and_the_persons_trail_survives_it_without_their_name_or_address()
    {
        var facilitator = await fixture.RegisterAsync();
        var person = await fixture.RegisterAsync("Wanda Forgotten");
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        await (await person.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await facilitator.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{person.Id}/remove")).ShouldBeAsync(HttpStatusCode.OK);
        var operatorId = Guid.NewGuid();
        var operatorClient = fixture.Factory.ClientFor(operatorId, "Olu Operator", "operator");

        await (await operatorClient.DeleteAsync($"/api/people/{person.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        var trail = await ReadAsync($"personId={person.Id}", operatorClient);
        Assert.Equal([(AuditActions.PersonErased, operatorId), (AuditActions.MemberRemoved, facilitator.Id)],
            trail.Items.Select(r => (r.Action, r.ActorId)));
        Assert.False(trail.Items[0].Detail!.Value.GetProperty("byThemselves").GetBoolean());
        var byOperator = await ReadAsync($"personId={operatorId}", operatorClient);
        Assert.Equal(person.Id, Assert.Single(byOperator.Items).PersonId);

        await using var connection = await fixture.OpenDatabaseAsync();
        var rows = (await connection.QueryAsync<string>(
            "SELECT row_to_json(a)::text FROM audit_trail a WHERE person_id = @Id OR actor_id = @Id", new { person.Id })).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain("Wanda", row));
        Assert.All(rows, row => Assert.DoesNotContain(person.Email, row, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Only_operators_read_the_trail()
    {
        var facilitator = await fixture.RegisterAsync(roles: ["facilitator", "steward"]);
        await (await facilitator.Client.GetAsync($"{AuditEndpoints.Path}?personId={facilitator.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<Page<AuditRecord>> ReadAsync(string query, HttpClient? operatorClient = null)
    {
        operatorClient ??= fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
        return await (await operatorClient.GetAsync($"{AuditEndpoints.Path}?{query}")).ShouldBeAsync<Page<AuditRecord>>(HttpStatusCode.OK);
    }
}
