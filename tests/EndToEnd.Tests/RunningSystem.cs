using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studios.EndToEnd.Tests;

/// <summary>
/// The whole system as the AppHost runs it: started once for the collection as a child process on a throw-away data
/// folder with free ports, ready once every resource is Running and Healthy, stopped with SIGTERM at the end.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    // A cold start builds the four services, and other builds may share the two cores.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    public TestDataFolder Data { get; } = new();
    public TestPorts Ports { get; } = new();
    public AppHostProcess Process { get; private set; } = null!;

    /// <summary>The AppHost's HTTP server: dev tokens (anonymous) and the dashboard's API (logged in with the token).</summary>
    public HttpClient AppHost { get; private set; } = null!;

    public TimeSpan StartupTime { get; private set; }

    /// <summary>Set to attach to an AppHost already running with these ports and <see cref="AppHostProcess.LoginToken"/>
    /// (a faster loop while writing journeys), e.g. "AppHost=28888,Membership=25101,Scheduling=25102,PracticeContent=25103,Stewardship=25104".</summary>
    public const string AttachVariable = "STUDIOS_E2E_ATTACH";

    private Dictionary<string, int>? _attached;

    public Uri ServiceUrl(Service service) => new($"http://127.0.0.1:{Port(service.ToString())}");

    private int Port(string key) => _attached?[key] ?? Ports[key];

    public async Task InitializeAsync()
    {
        var started = DateTime.UtcNow;
        _attached = Environment.GetEnvironmentVariable(AttachVariable)?.Split(',')
            .Select(pair => pair.Split('=')).ToDictionary(pair => pair[0].Trim(), pair => int.Parse(pair[1]));
        AppHost = AppHostProcess.ApiClient(Port("AppHost"), TimeSpan.FromSeconds(60));
        if (_attached is not null) return;
        Process = AppHostProcess.Start(Data.Path, Ports);
        try
        {
            await Until.Async(
                async () =>
                {
                    if (Process.Exited.IsCompleted) throw new InvalidOperationException($"The AppHost exited early:\n{Process.Output}");
                    return await AppHost.GetFromJsonAsync<JsonArray>("/api/resources") ?? [];
                },
                resources => resources.Count == 6 && resources.All(r => (string?)r!["state"] == "Running" && (string?)r["health"] == "Healthy"),
                StartTimeout, "every resource Running and Healthy");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nAppHost output:\n{Process.Output}", e);
        }
        StartupTime = DateTime.UtcNow - started;
    }

    /// <summary>A person signed in with a dev token from the AppHost's issuer (a new subject: their person id).</summary>
    public async Task<Person> SignInAsync(string name, params string[] roles)
    {
        var id = Guid.NewGuid();
        var email = $"{name.ToLowerInvariant()}.{id.ToString("N")[..8]}@studios.test";
        using var response = await AppHost.PostAsJsonAsync("/api/dev-tokens", new { subject = id.ToString(), name, roles, email });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        return new Person(id, name, email, token, this);
    }

    public async Task DisposeAsync()
    {
        AppHost?.Dispose();
        if (Process is not null) await Process.DisposeAsync();
        Data.Dispose();
    }
}

public enum Service
{
    Membership,
    Scheduling,
    PracticeContent,
    Stewardship,
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "System";
}
