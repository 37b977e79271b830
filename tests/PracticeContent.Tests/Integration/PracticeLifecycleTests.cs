using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Studios.PracticeContent.Contracts;

namespace Studios.PracticeContent.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class PracticeLifecycleTests(PracticeLifecycleTests.Fixture service) : IClassFixture<PracticeLifecycleTests.Fixture>
{
    public sealed class Fixture : PracticeContentFixture
    {
        protected override string Name => "practice_lifecycle";
    }

    private readonly Guid _author = Guid.NewGuid();

    private HttpClient Author => service.As(_author, "Ada Author", "facilitator");

    [Fact]
    public async Task Draft_publish_and_republish_keeps_old_versions_intact()
    {
        var log = await service.Bus.ObserveAsync<PracticePublished>();
        var created = await (await Author.PostAsJsonAsync("/api/practices", Api.Practice("Listening pairs"), Api.Json))
            .ReadAsync(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal("draft", created["status"]!.GetValue<string>());
        Assert.Null(created["latestVersion"]);

        var v1 = await (await Author.PostAsync($"/api/practices/{id}/publish", null)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(1, v1["version"]!.GetValue<int>());

        var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/practices/{id}")
        {
            Content = JsonContent.Create(Api.Practice("Listening pairs, deeper", instructions: "1. Breathe\n2. Listen twice"), options: Api.Json),
        };
        var current = await Author.GetAsync($"/api/practices/{id}");
        edit.Headers.IfMatch.Add(current.Headers.ETag!);
        var edited = await (await Author.SendAsync(edit)).ReadAsync(HttpStatusCode.OK);
        Assert.True(edited["hasUnpublishedChanges"]!.GetValue<bool>());
        Assert.Equal("Listening pairs", edited["published"]!["title"]!.GetValue<string>());

        var v2 = await (await Author.PostAsync($"/api/practices/{id}/publish", null)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.True(v2["isLatest"]!.GetValue<bool>());

        var old = await (await Author.GetAsync($"/api/practices/{id}/versions/1")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("Listening pairs", old["content"]!["title"]!.GetValue<string>());
        Assert.Equal("1. Breathe\n2. Listen", old["content"]!["instructions"]!.GetValue<string>());
        Assert.False(old["isLatest"]!.GetValue<bool>());

        var reader = service.As(Guid.NewGuid(), "Reader", "participant");
        var practice = await (await reader.GetAsync($"/api/practices/{id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(2, practice["latestVersion"]!.GetValue<int>());
        Assert.Equal("Listening pairs, deeper", practice["published"]!["title"]!.GetValue<string>());
        Assert.Null(practice["draft"]);
        Assert.Equal([1, 2], practice["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("Ada Author", practice["authorName"]!.GetValue<string>());

        var second = await log.WaitForAsync(e => e.PracticeId == id && e.Version == 2);
        Assert.Equal("Listening pairs, deeper", second.Title);
        Assert.Equal(_author, second.AuthorId);
        await log.WaitForAsync(e => e.PracticeId == id && e.Version == 1);
    }

    [Fact]
    public async Task Publishing_without_changes_is_a_conflict()
    {
        var v1 = await Author.CreatePublishedPracticeAsync(Api.Practice("Unchanged"));
        var response = await Author.PostAsync($"/api/practices/{v1.Id("practiceId")}/publish", null);
        var problem = await response.ReadAsync(HttpStatusCode.Conflict);
        Assert.Contains("no changes", problem["title"]!.GetValue<string>());
        Assert.Equal(1, problem["currentState"]!["latestVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_and_the_draft_kept()
    {
        var created = await (await Author.PostAsJsonAsync("/api/practices", Api.Practice("Two editors"), Api.Json)).ReadAsync(HttpStatusCode.Created);
        var id = created.Id();
        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/practices/{id}") { Content = JsonContent.Create(Api.Practice("First edit"), options: Api.Json) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await Author.SendAsync(first)).ReadAsync(HttpStatusCode.OK);

        var second = new HttpRequestMessage(HttpMethod.Put, $"/api/practices/{id}") { Content = JsonContent.Create(Api.Practice("Second edit"), options: Api.Json) };
        second.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var problem = await (await Author.SendAsync(second)).ReadAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", problem["currentETag"]!.GetValue<string>());

        var practice = await (await Author.GetAsync($"/api/practices/{id}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("First edit", practice["draft"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_gets_field_errors()
    {
        var response = await Author.PostAsJsonAsync("/api/practices", Api.Practice(" ", minMinutes: 5, maxMinutes: 8,
            steps: [new { title = "Long", minutes = 9 }], tags: ["ok"]), Api.Json);
        var problem = await response.ReadAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("title"));
        Assert.Contains("does not fit", errors["steps"]![0]!.GetValue<string>());

        // A control character is refused by the input rules before the practice rules run, naming the element.
        var bell = await Author.PostAsJsonAsync("/api/practices", Api.Practice("Bell", tags: ["ok", "bad\u0007bell"]), Api.Json);
        Assert.True((await bell.ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("tags[1]"));

        var nul = await Author.PostAsJsonAsync("/api/practices", Api.Practice("Null\u0000byte"), Api.Json);
        Assert.True((await nul.ReadAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().ContainsKey("title"));

        var malformed = await Author.PostAsync("/api/practices", new StringContent("{\"title\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Markup_is_stored_and_served_as_inert_json_text()
    {
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var markdown = $"# Heading\n\n{script}\n\n**bold**";
        var created = await Author.PostAsJsonAsync("/api/practices",
            Api.Practice($"Title {script}", instructions: markdown), Api.Json);
        var raw = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json", created.Content.Headers.ContentType!.MediaType);
        Studios.Testing.SecurityHeaderChecks.AssertPrivate(created);
        Studios.Testing.SecurityHeaderChecks.AssertKestrelSendsNoServerHeader(service.Factory.Services);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", created.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script>", raw);

        var body = System.Text.Json.Nodes.JsonNode.Parse(raw)!;
        Assert.Equal(markdown, body["draft"]!["instructions"]!.GetValue<string>());
        Assert.Equal($"Title {script}", body["draft"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_facilitators_and_stewards_author_and_drafts_stay_private()
    {
        var participant = service.As(Guid.NewGuid(), "Pat", "participant");
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsJsonAsync("/api/practices", Api.Practice("Nope"), Api.Json)).StatusCode);

        var steward = service.As(Guid.NewGuid(), "Stew", "steward");
        var draft = await (await steward.PostAsJsonAsync("/api/practices", Api.Practice("Steward draft"), Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/api/practices/{draft.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Author.PostAsync($"/api/practices/{draft.Id()}/publish", null)).StatusCode);

        var published = await Author.CreatePublishedPracticeAsync(Api.Practice("Someone else's"));
        var put = await participant.PutAsJsonAsync($"/api/practices/{published.Id("practiceId")}", Api.Practice("Hijack"), Api.Json);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().GetAsync("/api/practices")).StatusCode);
    }

    [Fact]
    public async Task Retiring_hides_from_search_but_versions_stay_readable()
    {
        var retiredLog = await service.Bus.ObserveAsync<PracticeRetired>();
        var title = $"Retiring {Guid.NewGuid():N}";
        var v1 = await Author.CreatePublishedPracticeAsync(Api.Practice(title));
        var id = v1.Id("practiceId");
        var before = await (await Author.GetAsync($"/api/practices?q={Uri.EscapeDataString(title)}")).ReadAsync(HttpStatusCode.OK);
        Assert.Contains(before["items"]!.AsArray(), item => item!.Id() == id);

        var retired = await (await Author.PostAsync($"/api/practices/{id}/retire", null)).ReadAsync(HttpStatusCode.OK);
        Assert.Equal("retired", retired["status"]!.GetValue<string>());
        await retiredLog.WaitForAsync(e => e.PracticeId == id);

        var after = await (await Author.GetAsync($"/api/practices?q={Uri.EscapeDataString(title)}")).ReadAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(after["items"]!.AsArray(), item => item!.Id() == id);
        await (await Author.GetAsync($"/api/practices/{id}/versions/1")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await Author.PostAsync($"/api/practices/{id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Author.PutAsJsonAsync($"/api/practices/{id}", Api.Practice("Back"), Api.Json)).StatusCode);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_returns_the_same_practice()
    {
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/practices") { Content = JsonContent.Create(Api.Practice("Once only"), options: Api.Json) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }
        var first = await (await Author.SendAsync(Request())).ReadAsync(HttpStatusCode.Created);
        var retry = await Author.SendAsync(Request());
        var second = await retry.ReadAsync(HttpStatusCode.Created);
        Assert.Equal(first.Id(), second.Id());
        Assert.Equal($"/api/practices/{first.Id()}", retry.Headers.Location!.OriginalString);
        Assert.Equal(1L, await service.ScalarAsync<long>("SELECT count(*) FROM practices WHERE author_id = @author AND title = 'Once only'", new { author = _author }));
    }

    [Fact]
    public async Task A_studio_adapts_a_version_and_the_origin_lists_its_adaptations()
    {
        var facilitator = Guid.NewGuid();
        var studioId = await service.ApprovedStudioAsync(facilitator);
        var origin = await Author.CreatePublishedPracticeAsync(Api.Practice("Origin practice"));
        var originId = origin.Id("practiceId");
        await (await Author.PutAsJsonAsync($"/api/practices/{originId}", Api.Practice("Origin practice v2"), Api.Json)).ReadAsync(HttpStatusCode.OK);
        await (await Author.PostAsync($"/api/practices/{originId}/publish", null)).ReadAsync(HttpStatusCode.Created);

        var outsider = service.As(Guid.NewGuid(), "Outsider", "facilitator");
        var refused = await outsider.PostAsJsonAsync($"/api/practices/{originId}/versions/1/adaptations", new { studioId }, Api.Json);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var missing = await outsider.PostAsJsonAsync($"/api/practices/{originId}/versions/9/adaptations", new { studioId }, Api.Json);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var studioFacilitator = service.As(facilitator, "Fran", "facilitator");
        var adaptation = await (await studioFacilitator.PostAsJsonAsync($"/api/practices/{originId}/versions/1/adaptations",
            new { studioId, title = "Origin, our way" }, Api.Json)).ReadAsync(HttpStatusCode.Created);
        Assert.Equal(originId, adaptation["adaptedFrom"]!.Id("practiceId"));
        Assert.Equal(1, adaptation["adaptedFrom"]!["version"]!.GetValue<int>());
        Assert.Equal("Origin, our way", adaptation["draft"]!["title"]!.GetValue<string>());
        Assert.Equal("1. Breathe\n2. Listen", adaptation["draft"]!["instructions"]!.GetValue<string>());
        Assert.Equal(studioId, adaptation.Id("studioId"));

        // A co-facilitator of the studio may publish the studio's adaptation.
        var coFacilitator = Guid.NewGuid();
        await service.JoinAsync(studioId, coFacilitator, "co-facilitator");
        var log = await service.Bus.ObserveAsync<PracticePublished>();
        var published = await (await service.As(coFacilitator, "Cole", "participant").PostAsync($"/api/practices/{adaptation.Id()}/publish", null))
            .ReadAsync(HttpStatusCode.Created);
        Assert.Equal(1, published["version"]!.GetValue<int>());
        var evt = await log.WaitForAsync(e => e.PracticeId == adaptation.Id());
        Assert.Equal(originId, evt.AdaptedFromPracticeId);
        Assert.Equal(1, evt.AdaptedFromVersion);
        Assert.Equal(studioId, evt.StudioId);

        var originView = await (await Author.GetAsync($"/api/practices/{originId}")).ReadAsync(HttpStatusCode.OK);
        var adaptations = originView["adaptations"]!.AsArray();
        var listed = Assert.Single(adaptations)!;
        Assert.Equal(adaptation.Id(), listed.Id("practiceId"));
        Assert.Equal("Origin, our way", listed["title"]!.GetValue<string>());
        Assert.Equal(1, listed["adaptedFromVersion"]!.GetValue<int>());
    }
}
