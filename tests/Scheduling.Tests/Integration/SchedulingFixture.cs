using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Studios.Membership.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Testing;

namespace Studios.Scheduling.Tests.Integration;

/// <summary>One Scheduling service on its own database and virtual host for the whole test run; every test works in
/// studios of its own, so tests never see each other's data. The horizon is 40 weeks so it always spans a DST change.</summary>
public sealed class SchedulingFixture : IAsyncLifetime
{
    public const string Database = "scheduling";
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7 * 40);
    public const int MaxSessionsInHorizon = 200;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private TestEnvironment? _environment;
    private ServiceFactory<Program>? _factory;
    private TestBus? _bus;

    public ServiceFactory<Program> Factory => _factory!;
    public TestBus Bus => _bus!;

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync("scheduling", Database);
        _factory = await NewInstanceAsync();
        _bus = await TestBus.StartAsync(_environment);
    }

    /// <summary>An instance of the service on this run's database and queues, ready (the fixture's own, or a second one
    /// for the two-instance tests, which the caller disposes).</summary>
    public async Task<ServiceFactory<Program>> NewInstanceAsync()
    {
        var factory = new ServiceFactory<Program>(_environment!, Database, new Dictionary<string, string?>
        {
            ["Scheduling:Horizon"] = Horizon.ToString("c"),
            ["Scheduling:MaxSessionsInHorizon"] = MaxSessionsInHorizon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var probe = factory.CreateClient();
        // Ready means the database answered and the bus is connected, so its queues are bound before we publish.
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the scheduling service should become ready");
        return factory;
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null) await _bus.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_environment is not null) await _environment.DisposeAsync();
    }

    /// <summary>An approved studio with its founding facilitator, known to the service.</summary>
    public async Task<TestStudio> NewStudioAsync(string timeZone, int capacity = 12)
    {
        var studioId = Guid.NewGuid();
        var facilitatorId = Guid.NewGuid();
        await Bus.PublishAsync(new StudioApproved(studioId, $"Studio {studioId:N}"[..15], facilitatorId, capacity, timeZone,
            Guid.NewGuid(), null, DateTimeOffset.UtcNow));
        await Bus.PublishAsync(new MemberJoinedStudio(studioId, facilitatorId, StudioRoles.Facilitator, "founding", DateTimeOffset.UtcNow));
        var client = Factory.ClientFor(facilitatorId, "Fay Facilitator", "facilitator");
        await Eventually.TrueAsync(async () => (await client.GetAsync($"/api/studios/{studioId}/series")).StatusCode == HttpStatusCode.OK,
            Patience, "the studio and its facilitator should reach Scheduling's read model");
        return new TestStudio(studioId, timeZone, facilitatorId, client);
    }

    /// <summary>A new member of the studio, known to the service.</summary>
    public async Task<TestMember> JoinAsync(TestStudio studio, string role = StudioRoles.Participant)
    {
        var personId = Guid.NewGuid();
        await Bus.PublishAsync(new MemberJoinedStudio(studio.Id, personId, role, "open", DateTimeOffset.UtcNow));
        var client = Factory.ClientFor(personId, "Pat Participant", role == StudioRoles.Participant ? "participant" : "facilitator");
        await Eventually.TrueAsync(async () => (await client.GetAsync($"/api/studios/{studio.Id}/sessions")).StatusCode == HttpStatusCode.OK,
            Patience, "the new member should reach Scheduling's roster");
        return new TestMember(personId, client);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);
}

public sealed record TestStudio(Guid Id, string TimeZone, Guid FacilitatorId, HttpClient Facilitator);

public sealed record TestMember(Guid Id, HttpClient Client);

[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingFixture>
{
    public const string Name = "Scheduling service";
}
