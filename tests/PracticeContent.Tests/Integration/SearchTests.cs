using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>Ranked full-text search with filters and cursor paging over a few hundred published practices.</summary>
[Trait("Category", "Integration")]
public sealed class SearchTests(SearchTests.Fixture service) : IClassFixture<SearchTests.Fixture>
{
    public sealed record Spec(int Index, string Title, string Tag, string Skill, int MinMinutes, int MinGroup, int MaxGroup, bool InPerson, bool Online);

    public sealed class Fixture : PracticeContentFixture
    {
        public const int Count = 300;
        private static readonly string[] Adjectives = ["gentle", "bold", "quiet", "playful", "steady", "curious", "warm"];
        private static readonly string[] Nouns = ["circle", "walk", "mirror", "pause", "story", "question", "gesture", "rhythm", "silence", "map", "thread"];
        private static readonly string[] Tags = ["warm-up", "closing", "energiser", "reflection"];
        private static readonly string[] Skills = ["listening", "feedback", "presence", "conflict", "care"];

        protected override string Name => "practice_search";

        public List<Spec> Specs { get; } = [];
        public Dictionary<string, Guid> Needles { get; } = [];
        public HttpClient Author { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Author = As(Guid.NewGuid(), "Search Author", "facilitator");
            for (var i = 0; i < Count; i++)
            {
                var online = i % 2 == 0;
                Specs.Add(new Spec(i, $"{Adjectives[i % Adjectives.Length]} {Nouns[i % Nouns.Length]} {i}", Tags[i % Tags.Length],
                    Skills[i % Skills.Length], 5 + i % 6 * 5, 1 + i % 4, 6 + i % 5 * 6, InPerson: i % 3 != 0 || !online, online));
            }
            await Parallel.ForEachAsync(Specs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (spec, _) =>
                await Author.CreatePublishedPracticeAsync(Api.Practice(spec.Title, tags: [spec.Tag], skills: [spec.Skill],
                    minMinutes: spec.MinMinutes, maxMinutes: spec.MinMinutes + 10, minGroup: spec.MinGroup, maxGroup: spec.MaxGroup,
                    inPerson: spec.InPerson, online: spec.Online, intent: "A shared practice for the studio.")));

            // The same rare word in the title, the intent and the instructions: weights A > C > D.
            Needles["title"] = (await Author.CreatePublishedPracticeAsync(Api.Practice("Quillowing circle"))).Id("practiceId");
            Needles["intent"] = (await Author.CreatePublishedPracticeAsync(Api.Practice("Needle two", intent: "Quillowing together."))).Id("practiceId");
            Needles["instructions"] = (await Author.CreatePublishedPracticeAsync(Api.Practice("Needle three",
                instructions: "Begin quillowing slowly by the lantern."))).Id("practiceId");
        }
    }

    private HttpClient Client => service.As(Guid.NewGuid(), "Searcher", "participant");

    [Fact]
    public async Task Matches_are_ranked_by_where_the_words_appear()
    {
        var page = await (await Client.GetAsync("/api/practices?q=quillowing")).ReadAsync(HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        Assert.Equal([service.Needles["title"], service.Needles["intent"], service.Needles["instructions"]], items.Select(item => item!.Id()));
        var ranks = items.Select(item => item!["rank"]!.GetValue<float>()).ToList();
        Assert.True(ranks[0] > ranks[1] && ranks[1] > ranks[2], string.Join(", ", ranks));

        var excluded = await (await Client.GetAsync("/api/practices?q=" + Uri.EscapeDataString("quillowing -lantern"))).ReadAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(excluded["items"]!.AsArray(), item => item!.Id() == service.Needles["instructions"]);
        Assert.Equal(2, excluded["items"]!.AsArray().Count);

        var phrase = await (await Client.GetAsync("/api/practices?q=" + Uri.EscapeDataString("\"quillowing circle\""))).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(service.Needles["title"], Assert.Single(phrase["items"]!.AsArray())!.Id());
    }

    [Fact]
    public async Task Filters_narrow_to_exactly_the_matching_practices()
    {
        var expected = service.Specs.Where(s => s.Tag == "energiser" && s.Skill == "feedback" && s.MinMinutes <= 15
            && s.MinGroup <= 8 && s.MaxGroup >= 8 && s.Online).Select(s => s.Title).Order(StringComparer.Ordinal).ToList(); // the test cluster collates C.UTF-8
        Assert.NotEmpty(expected);

        var found = await AllPagesAsync("/api/practices?tags=energiser&skills=feedback&maxMinutes=15&groupSize=8&mode=online&sort=title&limit=7");
        Assert.Equal(expected, found.Select(item => item["title"]!.GetValue<string>()).ToList());
        Assert.All(found, item =>
        {
            Assert.Contains("energiser", item["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.True(item["online"]!.GetValue<bool>());
            Assert.True(item["minMinutes"]!.GetValue<int>() <= 15);
        });

        var inPerson = await AllPagesAsync("/api/practices?q=circle&mode=in-person&limit=50");
        Assert.Equal(service.Specs.Count(s => s.Title.Contains("circle") && s.InPerson) + 1, inPerson.Count);
    }

    [Fact]
    public async Task Cursor_paging_visits_every_match_once_in_rank_order()
    {
        var all = await AllPagesAsync("/api/practices?q=" + Uri.EscapeDataString("shared practice") + "&limit=40");
        Assert.Equal(Fixture.Count, all.Count);
        Assert.Equal(all.Count, all.Select(item => item.Id()).Distinct().Count());
        var ranks = all.Select(item => item["rank"]!.GetValue<float>()).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);

        var byTitle = await AllPagesAsync("/api/practices?sort=title&limit=100");
        Assert.Equal(Fixture.Count + 3, byTitle.Count);
        Assert.Equal(byTitle.Count, byTitle.Select(item => item.Id()).Distinct().Count());
    }

    [Fact]
    public async Task Bad_search_parameters_name_the_field()
    {
        foreach (var (query, field) in new[]
        {
            ("mode=flying", "mode"), ("maxMinutes=0", "maxMinutes"), ("groupSize=-1", "groupSize"), ("sort=random", "sort"),
            ("limit=500", "limit"), ("cursor=abc", "cursor"), ("q=" + Uri.EscapeDataString("a\u0001b"), "q"),
        })
        {
            var problem = await (await Client.GetAsync("/api/practices?" + query)).ReadAsync(HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), query);
        }

        var titlePage = await (await Client.GetAsync("/api/practices?sort=title&limit=1")).ReadAsync(HttpStatusCode.OK);
        var cursor = titlePage["nextCursor"]!.GetValue<string>();
        var mismatch = await Client.GetAsync($"/api/practices?sort=recent&cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var stopwords = await (await Client.GetAsync("/api/practices?q=the")).ReadAsync(HttpStatusCode.OK);
        Assert.Empty(stopwords["items"]!.AsArray());
    }

    private async Task<List<JsonNode>> AllPagesAsync(string url)
    {
        var client = Client;
        var items = new List<JsonNode>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await (await client.GetAsync(url + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(item => item!));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null) return items;
        }
        throw new InvalidOperationException("Paging did not end.");
    }
}
