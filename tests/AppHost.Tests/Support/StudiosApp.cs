using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studios.AppHost.Local;

namespace Studios.AppHost.Tests.Support;

/// <summary>
/// The real AppHost (AppHost/Program.cs) started in-process by Aspire.Hosting.Testing on a throw-away data folder with
/// free ports, the Aspire dashboard on, and ready once every resource is Running and Healthy.
/// </summary>
public sealed class StudiosApp : IAsyncDisposable
{
    // A cold start builds nothing here (the test project built the services) but boots RabbitMQ and five .NET processes
    // on two shared cores.
    // STUDIOS_START_TIMEOUT_MINUTES gives a machine under heavy load longer.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(
        double.TryParse(Environment.GetEnvironmentVariable("STUDIOS_START_TIMEOUT_MINUTES"), out var minutes) && minutes > 0 ? minutes : 6);

    private StudiosApp(DistributedApplication app, TestDataFolder data, ResourceLogs logs)
    {
        App = app;
        Data = data;
        Logs = logs;
        // The tokens the AppHost settled on (Aspire generates them), as it hands them to the dashboard.
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        BrowserToken = configuration["AppHost:BrowserToken"]!;
        DashboardApiKey = configuration["AppHost:DashboardApiKey"]!;
    }

    public DistributedApplication App { get; }
    public TestDataFolder Data { get; }
    public ResourceLogs Logs { get; }
    public string BrowserToken { get; }
    public string DashboardApiKey { get; }
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The resources a user sees (Aspire's hidden project rebuilders and the parameters left out).</summary>
    public IReadOnlyList<IResource> Resources => [.. App.Services.GetRequiredService<DistributedApplicationModel>().Resources
        .Where(resource => resource is not ParameterResource && !resource.Name.EndsWith("-rebuilder", StringComparison.Ordinal))];

    public static async Task<StudiosApp> StartAsync(TestDataFolder? data = null, IEnumerable<string>? extraArgs = null,
        TimeSpan? startTimeout = null)
    {
        var started = DateTime.UtcNow;
        data ??= new TestDataFolder();
        string[] args =
        [
            $"--Data:Directory={data.Path}",
            .. LocalPorts.Keys.Select(key => $"--Ports:{key}=0"),
            .. extraArgs ?? [],
        ];
        var logs = new ResourceLogs();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Studios_AppHost>(args,
            (options, _) => options.DisableDashboard = false);
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var app = await builder.BuildAsync();
        var studios = new StudiosApp(app, data, logs);
        try
        {
            using var timeout = new CancellationTokenSource(startTimeout ?? StartTimeout);
            await app.StartAsync(timeout.Token);
            await studios.WaitUntilHealthyAsync(timeout.Token);
        }
        catch (Exception e)
        {
            var states = studios.DescribeStates();
            await studios.DisposeAsync();
            throw new InvalidOperationException($"The AppHost did not come up: {e.Message}\n{states}\n{logs.Tail(80)}", e);
        }
        studios.StartupTime = DateTime.UtcNow - started;
        return studios;
    }

    /// <summary>Every resource Running and Healthy; with replicas (<c>--Replicas=2</c>), every instance of it.</summary>
    public async Task WaitUntilHealthyAsync(CancellationToken ct) =>
        await Task.WhenAll(Resources.Select(resource => resource.GetReplicaCount() > 1
            ? (Task)HealthyInstancesAsync(resource, ct)
            : App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, ct)));

    /// <summary>The latest state of each of the resource's instances (one per replica, named by DCP as the dashboard lists
    /// them), once all of them are Healthy.</summary>
    public async Task<IReadOnlyList<ResourceEvent>> HealthyInstancesAsync(IResource resource, CancellationToken ct)
    {
        var instances = new Dictionary<string, ResourceEvent>();
        await foreach (var update in App.ResourceNotifications.WatchAsync(ct))
        {
            if (update.Resource.Name != resource.Name) continue;
            instances[update.ResourceId] = update;
            var healthy = instances.Values.Where(e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).ToList();
            if (healthy.Count >= resource.GetReplicaCount()) return healthy;
        }
        throw new OperationCanceledException($"{resource.Name}'s instances did not all become healthy.");
    }

    /// <summary>The resource by its name.</summary>
    public IResource Resource(string name) => Resources.Single(resource => resource.Name == name);

    public CustomResourceSnapshot Snapshot(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current)
            ? current.Snapshot
            : throw new InvalidOperationException($"No state for {resource}.");

    public string DescribeStates() => string.Join('\n', Resources.Select(resource =>
        App.ResourceNotifications.TryGetCurrentState(resource.Name, out var e)
            ? $"  {resource.Name}: {e.Snapshot.State?.Text ?? "-"} / {e.Snapshot.HealthStatus?.ToString() ?? "-"}"
            : $"  {resource.Name}: no state"));

    /// <summary>The HTTP address of a project resource (through DCP's proxy, as a user reaches it).</summary>
    public Uri Url(string resource) => App.GetEndpoint(resource, "http");

    /// <summary>The dashboard's address (Aspire.Hosting.Testing moves it to a random port, as every proxied endpoint).</summary>
    public Uri DashboardUrl => App.GetEndpoint("aspire-dashboard", "http");

    /// <summary>A client of the dashboard's telemetry HTTP API (/api/telemetry/...), with its API key.</summary>
    public HttpClient TelemetryApi()
    {
        var client = new HttpClient { BaseAddress = DashboardUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardApiKey);
        return client;
    }

    /// <summary>A token from the development identity, as a person signing in would get one.</summary>
    public async Task<string> TokenAsync(Guid subject, string name, params string[] roles)
    {
        using var identity = new HttpClient { BaseAddress = Url("identity") };
        using var response = await identity.PostAsJsonAsync("/api/dev-tokens", new { subject = subject.ToString(), name, roles });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public HttpClient ServiceClient(string resource, string token)
    {
        var client = new HttpClient { BaseAddress = Url(resource), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Data.Dispose();
    }
}
