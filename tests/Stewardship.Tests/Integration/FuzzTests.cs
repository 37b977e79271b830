using System.Net;
using System.Text.Json.Nodes;
using Studios.ServiceDefaults.Http;
using Studios.Stewardship.Apis.Models;
using Studios.Testing.Fuzz;
using Xunit.Abstractions;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Every operation of Stewardship's OpenAPI document gets bad input from the shared fuzzer, as a person who is
/// a steward, an operator and a facilitator, on an active studio they steward with a check-in and a follow-up; a second
/// studio with another steward is the witness that must not change.</summary>
[Trait("Category", "Integration")]
public sealed class FuzzTests(StewardshipFixture fixture, ITestOutputHelper output) : IClassFixture<StewardshipFixture>
{
    [Fact]
    public async Task Bad_input_to_every_operation_is_a_400_naming_the_field_and_changes_nothing_else()
    {
        var me = await fixture.RegisteredPersonAsync();
        var client = fixture.Factory.ClientFor(me, "Fuzz Steward", "steward", "operator", "facilitator");
        await client.AddStewardAsync(me, 50, "Fuzz Steward");
        var otherSteward = (await client.AddStewardAsync(await fixture.RegisteredPersonAsync(), 50, "Other Steward")).PersonId;
        var facilitator = Guid.NewGuid();
        var studio = await client.ProposeAsync(facilitator: facilitator);
        await client.ApproveAsync(studio.Id, me);
        var witness = await client.ProposeAsync(facilitator: Guid.NewGuid());
        await client.ApproveAsync(witness.Id, otherSteward);
        var checkIn = await (await client.PostJsonAsync($"/api/studios/{studio.Id}/check-ins", new
        {
            facilitatorId = facilitator,
            heldOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            notes = "A calm first month.",
            followUps = new[] { new { action = "Send the guide", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7) } },
        })).ReadAsync<CheckInResponse>(HttpStatusCode.Created);
        var followUp = (await (await client.GetAsync($"/api/stewards/{me}/follow-ups")).ReadAsync<Page<FollowUpResponse>>()).Items[0];

        var report = await ApiFuzzer.RunAsync(new FuzzTarget
        {
            Client = client,
            PathValue = (operation, name) => name switch
            {
                "checkInId" => checkIn.Id.ToString(),
                "stewardId" => me.ToString(),
                _ when operation.Path.StartsWith("/api/stewards/", StringComparison.Ordinal) => me.ToString(),
                _ when operation.Path.StartsWith("/api/follow-ups/", StringComparison.Ordinal) => followUp.Id.ToString(),
                _ => studio.Id.ToString(),
            },
            BodyValues = new Dictionary<string, JsonNode?>
            {
                ["timeZone"] = "Europe/Berlin",
                ["foundingFacilitatorId"] = Guid.NewGuid().ToString(),
                ["facilitatorId"] = facilitator.ToString(),
                ["stewardId"] = me.ToString(),
                ["personId"] = Guid.NewGuid().ToString(),
                ["heldOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
                ["capacity"] = 12,
                ["maxStudios"] = 10,
            },
            Witnesses = [$"/api/studios/{witness.Id}"],
        });

        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary);
    }
}
