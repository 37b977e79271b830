using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>GET /api/people/me/export: the practices, versions and reflections the caller wrote, and nobody else's.</summary>
[Trait("Category", "Integration")]
public sealed class PersonalDataExportTests(PersonalDataExportTests.Fixture service) : IClassFixture<PersonalDataExportTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_export";
    }

    [Fact]
    public async Task An_author_gets_their_practices_versions_reflections_and_roster_rows()
    {
        var facilitator = Guid.NewGuid();
        var studioId = await service.ApprovedStudioAsync(facilitator);
        var asFacilitator = service.As(facilitator, "Fran", "facilitator");
        var practice = await asFacilitator.CreatePublishedPracticeAsync(Api.Practice("Exported listening"));
        var practiceId = practice.Id("practiceId");
        var author = Guid.NewGuid();
        await service.JoinAsync(studioId, author);
        var asAuthor = service.As(author, "Ari", "participant");
        var reflection = await (await asAuthor.PostAsJsonAsync("/api/reflections",
            new { text = "What I noticed today", visibility = "private" }, Api.Json)).ReadAsync(HttpStatusCode.Created);

        var mine = await (await asAuthor.GetAsync("/api/people/me/export")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(("practice_content", author), (mine["service"]!.GetValue<string>(), mine["personId"]!.GetValue<Guid>()));
        var written = Assert.Single(Section(mine, "reflections"))!;
        Assert.Equal((reflection.Id(), "What I noticed today"), (written.Id("reflection_id"), written["text"]!.GetValue<string>()));
        Assert.Equal(studioId, Assert.Single(Section(mine, "studioMemberships"))!.Id("studio_id"));
        Assert.Empty(Section(mine, "practices"));

        var theirs = await (await asFacilitator.GetAsync("/api/people/me/export")).ReadAsync(HttpStatusCode.OK);
        var authored = Assert.Single(Section(theirs, "practices"))!;
        Assert.Equal((practiceId, "Exported listening"), (authored.Id("practice_id"), authored["title"]!.GetValue<string>()));
        Assert.Equal(practiceId, Assert.Single(Section(theirs, "practiceVersionsPublished"))!.Id("practice_id"));
        Assert.Empty(Section(theirs, "reflections"));
        Assert.DoesNotContain("What I noticed today", theirs.ToJsonString());
    }

    private static JsonArray Section(JsonNode export, string name) => export["data"]![name]!.AsArray();
}
