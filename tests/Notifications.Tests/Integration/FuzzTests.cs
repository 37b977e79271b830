using System.Net;
using System.Text.Json.Nodes;
using Studios.Testing.Fuzz;
using Xunit.Abstractions;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Every operation of Notifications' OpenAPI document gets bad input from the shared fuzzer, as an operator
/// who is also a participant; another person's chosen preferences are the witness that must not change.</summary>
[Trait("Category", "Integration")]
public sealed class FuzzTests(NotificationsFixture fixture, ITestOutputHelper output) : IClassFixture<NotificationsFixture>
{
    private const string Preferences = "/api/people/me/notification-preferences";

    [Fact]
    public async Task Bad_input_to_every_operation_is_a_400_naming_the_field_and_changes_nothing_else()
    {
        var client = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu Operator", "operator", "participant");
        var other = fixture.Factory.ClientFor(Guid.NewGuid(), "Ada", "participant");
        Assert.Equal(HttpStatusCode.OK, (await other.PutJsonAsync(Preferences, new { reminderMinutesBefore = new[] { 30 } })).StatusCode);

        var report = await ApiFuzzer.RunAsync(new FuzzTarget
        {
            Client = client,
            PathValue = (_, name) => name == "token" ? "not-a-real-token" : Guid.NewGuid().ToString(),
            BodyValues = new Dictionary<string, JsonNode?> { ["reminderMinutesBefore"] = new JsonArray(60) },
            Witnesses = [Preferences],
            WitnessReader = other,
        });

        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary);
    }
}
