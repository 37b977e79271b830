using System.Net;
using System.Text.Json.Nodes;
using Studios.Membership.Apis.Models;
using Studios.Testing.Fuzz;
using Xunit.Abstractions;

namespace Studios.Membership.Tests.Integration;

/// <summary>Every operation of Membership's OpenAPI document gets bad input from the shared fuzzer, as the founding
/// facilitator (also steward and operator) of a request-to-join studio with a pending join request and invitation; a
/// second studio of theirs is the witness that must not change.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FuzzTests(MembershipFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Bad_input_to_every_operation_is_a_400_naming_the_field_and_changes_nothing_else()
    {
        var facilitator = await fixture.RegisterAsync(null, "facilitator", "participant", "steward", "operator");
        var requester = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 5, joinPolicy: "request-to-join");
        var witnessId = await fixture.OpenStudioAsync(facilitator, capacity: 5);
        var request = await (await requester.Client.PostJsonAsync($"/api/studios/{studioId}/join-requests", new { intakeAnswer = "I journal." }))
            .ShouldBeAsync<MemberResponse>(HttpStatusCode.Created);
        var invitation = await (await facilitator.Client.PostJsonAsync($"/api/studios/{studioId}/invitations", new { email = $"{Guid.NewGuid():N}@example.org" }))
            .ShouldBeAsync<InvitationResponse>(HttpStatusCode.Created);

        var report = await ApiFuzzer.RunAsync(new FuzzTarget
        {
            Client = facilitator.Client,
            PathValue = (operation, name) => name switch
            {
                "studioId" => studioId.ToString(),
                "requestId" => request.MembershipId.ToString(),
                "invitationId" => invitation.Id.ToString(),
                "token" => invitation.Token!,
                _ => requester.Id.ToString(),
            },
            BodyValues = new Dictionary<string, JsonNode?>
            {
                ["email"] = $"{Guid.NewGuid():N}@example.org",
                ["timeZone"] = "Europe/Berlin",
                ["locale"] = "en-GB",
                ["role"] = "participant",
                ["joinPolicy"] = "request-to-join",
            },
            Witnesses = [$"/api/studios/{witnessId}"],
        });

        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary);
    }
}
