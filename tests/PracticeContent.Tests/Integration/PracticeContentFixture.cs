using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Studios.Membership.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Testing;

namespace Studios.PracticeContent.Tests.Integration;

/// <summary>One Practice-Content host per test class on its own database and virtual host, with a bus standing in for
/// the other services, and helpers to seed the roster through their real events.</summary>
public abstract class PracticeContentFixture : IAsyncLifetime
{
    public const string Database = "practice_content";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestEnvironment? _environment;
    private PracticeContentFactory? _factory;
    private TestBus? _bus;

    protected abstract string Name { get; }

    public PracticeContentFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");
    public TestBus Bus => _bus ?? throw new InvalidOperationException("Not initialised.");

    public virtual async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync(Name, Database);
        _factory = new PracticeContentFactory(_environment);
        var probe = _factory.CreateClient();
        // Ready means migrations ran and the consumers' queues are bound: events published after this are not lost.
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the service to report ready");
        _bus = await TestBus.StartAsync(_environment);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null && !_factory.Problems.IsEmpty)
            await File.WriteAllLinesAsync(Path.Combine(Path.GetTempPath(), $"practice-content-{Name}.log"), _factory.Problems);
        if (_bus is not null) await _bus.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_environment is not null) await _environment.DisposeAsync();
    }

    public HttpClient As(Guid person, string name, params string[] roles) => Factory.ClientFor(person, name, roles);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    /// <summary>Approves a studio (as Stewardship would) and waits until the service knows it and its founder.</summary>
    public async Task<Guid> ApprovedStudioAsync(Guid facilitator)
    {
        var studioId = Guid.NewGuid();
        await Bus.PublishAsync(new StudioApproved(studioId, $"Studio {studioId:N}"[..15], facilitator, 12, "Europe/Berlin",
            Guid.NewGuid(), null, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM studio_members WHERE studio_id = @studioId AND person_id = @facilitator AND active",
            new { studioId, facilitator }) == 1, Patience, "the approved studio and its founder to reach the roster");
        return studioId;
    }

    /// <summary>Adds a member (as Membership would) and waits until the roster shows them.</summary>
    public async Task JoinAsync(Guid studioId, Guid personId, string role = "participant")
    {
        await Bus.PublishAsync(new MemberJoinedStudio(studioId, personId, role, "open", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM studio_members WHERE studio_id = @studioId AND person_id = @personId AND active AND role = @role",
            new { studioId, personId, role }) == 1, Patience, "the member to reach the roster");
    }
}

/// <summary>Request bodies and response reading shared by the integration tests.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object Practice(string title, string[]? tags = null, string[]? skills = null, int minMinutes = 10, int maxMinutes = 30,
        int minGroup = 2, int maxGroup = 12, bool inPerson = true, bool online = false, string intent = "Why we practise this.",
        string instructions = "1. Breathe\n2. Listen", object[]? steps = null) => new
    {
        title,
        intent,
        invitation = "Let us begin together.",
        instructions,
        steps = steps ?? [new { title = "Arrive", description = "Settle in.", minutes = 5 }, new { title = "Practise", minutes = 5 }],
        minMinutes,
        maxMinutes,
        minGroupSize = minGroup,
        maxGroupSize = maxGroup,
        skills = skills ?? ["listening"],
        tags = tags ?? ["warm-up"],
        inPerson,
        online,
        licence = "CC BY-SA 4.0",
    };

    public static async Task<JsonNode> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    public static async Task<JsonNode> CreatePublishedPracticeAsync(this HttpClient client, object practice)
    {
        var created = await (await client.PostAsJsonAsync("/api/practices", practice, Json)).ReadAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        return await (await client.PostAsync($"/api/practices/{id}/publish", null)).ReadAsync(HttpStatusCode.Created);
    }

    public static Guid Id(this JsonNode node, string property = "id") => node[property]!.GetValue<Guid>();
}
