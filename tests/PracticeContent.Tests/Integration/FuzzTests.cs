using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Studios.Testing.Fuzz;
using Xunit.Abstractions;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>Every operation of PracticeContent's OpenAPI document gets bad input from the shared fuzzer, as the
/// facilitator of a studio with a published practice, a studio plan and a reflection; a second published practice is
/// the witness that must not change.</summary>
[Trait("Category", "Integration")]
public sealed class FuzzTests(FuzzTests.Fixture service, ITestOutputHelper output) : IClassFixture<FuzzTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_fuzz";
    }

    [Fact]
    public async Task Bad_input_to_every_operation_is_a_400_naming_the_field_and_changes_nothing_else()
    {
        var me = Guid.NewGuid();
        var client = service.As(me, "Fuzz Facilitator", "facilitator", "steward");
        var studioId = await service.ApprovedStudioAsync(me);
        var practiceId = (await client.CreatePublishedPracticeAsync(Api.Practice("Fuzzed practice"))).Id("practiceId");
        var witnessId = (await client.CreatePublishedPracticeAsync(Api.Practice("Witness practice"))).Id("practiceId");
        var plan = await (await client.PostAsJsonAsync("/api/session-plans", new
        {
            kind = "studio", studioId, title = "Fuzzed plan", sessionMinutes = 60,
            steps = new object[] { new { practiceId, version = 1, minutes = 20 } },
        }, Api.Json)).ReadAsync(HttpStatusCode.Created);
        var reflection = await (await client.PostAsJsonAsync("/api/reflections", new { text = "It went well.", visibility = "private" }, Api.Json))
            .ReadAsync(HttpStatusCode.Created);

        var report = await ApiFuzzer.RunAsync(new FuzzTarget
        {
            Client = client,
            PathValue = (operation, name) => name switch
            {
                "studioId" => studioId.ToString(),
                "version" => "1",
                _ when operation.Path.StartsWith("/api/session-plans/", StringComparison.Ordinal) => plan.Id().ToString(),
                _ when operation.Path.StartsWith("/api/reflections/", StringComparison.Ordinal) => reflection.Id().ToString(),
                _ => practiceId.ToString(),
            },
            BodyValues = new Dictionary<string, JsonNode?>
            {
                ["studioId"] = studioId.ToString(),
                ["practiceId"] = practiceId.ToString(),
                ["templateId"] = null,
                ["sessionId"] = null,
                ["version"] = 1,
                ["practiceVersion"] = 1,
                ["kind"] = "studio",
                ["visibility"] = "private",
                ["minMinutes"] = 10,
                ["minGroupSize"] = 2,
                ["minutes"] = 10,
            },
            Witnesses = [$"/api/practices/{witnessId}"],
        });

        output.WriteLine(report.Summary);
        Assert.True(report.Findings.Count == 0, report.Summary);
    }
}
