using System.Net;
using System.Text.Json;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.PersonalData;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>GET /api/people/me/export: the studios a facilitator founded, a steward's place in the pool and what they did.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataExportTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    [Fact]
    public async Task The_founder_gets_their_studio_and_the_steward_their_pool_entry_assignment_and_audit_records()
    {
        var founderId = Guid.NewGuid();
        var stewardId = await fixture.RegisteredPersonAsync();
        var founder = fixture.Factory.ClientFor(founderId, "Fatima Facilitator", "facilitator");
        var steward = fixture.Factory.ClientFor(stewardId, "Sam Steward", "steward");
        var operatorClient = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator");
        await operatorClient.AddStewardAsync(stewardId, maxStudios: 3, displayName: "Sam Steward");
        var studio = await founder.ProposeAsync(facilitator: founderId);
        var unrelated = await founder.ProposeAsync(facilitator: Guid.NewGuid());
        await steward.ApproveAsync(studio.Id, stewardId);

        var mine = await (await founder.GetAsync(PersonalDataEndpoints.Path)).ReadAsync<PersonalDataExport>();
        Assert.Equal(("stewardship", founderId), (mine.Service, mine.PersonId));
        // Both studios were proposed by the founder; both are theirs.
        var studios = mine.Data["studios"].EnumerateArray().ToList();
        Assert.Equal(new[] { studio.Id, unrelated.Id }.Order(), studios.Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.Equal("active", studios.Single(s => s.GetProperty("id").GetGuid() == studio.Id).GetProperty("state").GetString());
        Assert.Empty(mine.Data["steward"].EnumerateArray());

        var theirs = await (await steward.GetAsync(PersonalDataEndpoints.Path)).ReadAsync<PersonalDataExport>();
        var entry = Assert.Single(theirs.Data["steward"].EnumerateArray());
        Assert.Equal(("Sam Steward", 3), (entry.GetProperty("display_name").GetString(), entry.GetProperty("max_studios").GetInt32()));
        Assert.Equal(studio.Id, Assert.Single(theirs.Data["stewardAssignments"].EnumerateArray()).GetProperty("studio_id").GetGuid());
        var actions = theirs.Data["auditTrail"].EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Equal([AuditActions.StewardAdded, AuditActions.StewardAssigned, AuditActions.StudioApproved], actions);
        Assert.Empty(theirs.Data["studios"].EnumerateArray());
        Assert.DoesNotContain("Fatima", JsonSerializer.Serialize(theirs));
    }
}
