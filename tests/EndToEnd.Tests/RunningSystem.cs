using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studios.EndToEnd.Tests;

/// <summary>The whole system, started once for the collection by Aspire.Hosting.Testing on AppHost/Program.cs with (by default) two
/// replicas of every service (competing consumers, two relays and two of every background job, as in production), ready
/// once every resource and every instance is Running and Healthy; stopped (every process with it) at the end.</summary>
public sealed class RunningSystem : IAsyncLifetime
{
    public StudiosApp Studios { get; private set; } = null!;

    public TimeSpan StartupTime => Studios.StartupTime;

    public Uri ServiceUrl(Service service) => Studios.Url(ResourceName(service));

    public static string ResourceName(Service service) => service switch
    {
        Service.PracticeContent => "practice-content",
        _ => service.ToString().ToLowerInvariant(),
    };

    /// <summary>Instances of every service: two for the journey (as in production), one where only the pages are under test.</summary>
    public int Replicas { get; }

    public RunningSystem() : this(replicas: 2) { }

    // Not public: xunit wants one public constructor on a collection fixture; Web.Tests (which links this file) uses this one.
    internal RunningSystem(int replicas) => Replicas = replicas;

    // Every replica is another process to start: on the shared two cores each service's `dotnet run` launcher took minutes
    // to start its process (ten launchers, two services up after 4.5 min), so each replica adds the single-instance allowance.
    public async Task InitializeAsync() =>
        Studios = await StudiosApp.StartAsync(extraArgs: [$"--Replicas={Replicas}"], startTimeout: StudiosApp.StartTimeout * Replicas);

    /// <summary>A person signed in with a token from the development identity (a new subject: their person id).</summary>
    public async Task<Person> SignInAsync(string name, params string[] roles)
    {
        var id = Guid.NewGuid();
        var email = $"{name.ToLowerInvariant()}.{id.ToString("N")[..8]}@studios.test";
        using var identity = new HttpClient { BaseAddress = Studios.Url("identity") };
        using var response = await identity.PostAsJsonAsync("/api/dev-tokens", new { subject = id.ToString(), name, roles, email });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return new Person(id, name, email, token, this);
    }

    public async Task DisposeAsync()
    {
        if (Studios is not null) await Studios.DisposeAsync();
    }
}

public enum Service
{
    Membership,
    Scheduling,
    PracticeContent,
    Stewardship,
    Notifications,
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "System";
}
