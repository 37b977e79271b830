using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>The input rules of ServiceDefaults as PracticeContent's clients meet them: enums by name only (a session
/// plan of kind 123 used to be stored), text rules shared with every service (line breaks only in prose).</summary>
[Trait("Category", "Integration")]
public sealed class InputRulesTests(InputRulesTests.Fixture service) : IClassFixture<InputRulesTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_input";
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("123")]
    [InlineData("1")]
    [InlineData("\"123\"")]
    public async Task A_session_plan_kind_given_as_a_number_is_a_400_naming_kind_and_nothing_is_stored(string kind)
    {
        var me = Guid.NewGuid();
        var client = service.As(me, "Fran", "facilitator");
        var studioId = await service.ApprovedStudioAsync(me);

        var response = await client.PostAsync("/api/session-plans",
            Json($$"""{"kind":{{kind}},"studioId":"{{studioId}}","title":"Numbered","sessionMinutes":60,"steps":[{"title":"Arrive","minutes":10}]}"""));

        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["kind"]);
        Assert.Equal(0, await service.ScalarAsync<long>("SELECT count(*) FROM session_plans WHERE title = 'Numbered'"));
    }

    [Fact]
    public async Task Line_breaks_are_kept_in_instructions_and_refused_in_titles()
    {
        var client = service.As(Guid.NewGuid(), "Fran", "facilitator");

        var created = await (await client.PostAsync("/api/practices", JsonContent(Api.Practice("Two lines", instructions: "1. Breathe\n\t2. Listen"))))
            .ReadAsync(HttpStatusCode.Created);
        Assert.Equal("1. Breathe\n\t2. Listen", created["draft"]!["instructions"]!.GetValue<string>());

        var problem = await (await client.PostAsync("/api/practices", JsonContent(Api.Practice("Two\nlines"))))
            .ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line breaks", problem["errors"]!["title"]![0]!.GetValue<string>());
    }

    private static StringContent JsonContent(object body) => Json(System.Text.Json.JsonSerializer.Serialize(body, Api.Json));
}
