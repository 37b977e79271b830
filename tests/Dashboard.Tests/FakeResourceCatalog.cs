namespace Studios.Dashboard.Tests;

/// <summary>An AppHost stand-in: resources held in memory, buttons recorded, console lines from a ConsoleLogBuffer.</summary>
internal sealed class FakeResourceCatalog : IResourceCatalog
{
    private readonly Lock gate = new();
    private readonly List<ResourceSnapshot> resources = [];

    public event EventHandler? Changed;

    public ConsoleLogBuffer Console { get; } = new(maxLinesPerResource: 100);

    public List<string> Actions { get; } = [];

    public void Set(ResourceSnapshot snapshot)
    {
        lock (gate)
        {
            resources.RemoveAll(r => r.Name == snapshot.Name);
            resources.Add(snapshot);
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    public IReadOnlyList<ResourceSnapshot> Snapshot()
    {
        lock (gate)
        {
            return resources.ToArray();
        }
    }

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => Record("start", name);

    public Task StopAsync(string name, CancellationToken cancellationToken = default) => Record("stop", name);

    public Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = Snapshot().Single(r => r.Name == name);
        if (current.State == "Stopping")
        {
            throw new InvalidOperationException($"{name} is stopping.");
        }
        Set(current with { RestartCount = current.RestartCount + 1 });
        return Record("restart", name);
    }

    public IReadOnlyList<ConsoleLine> ConsoleLines(string name) => Console.Recent(name);

    public IAsyncEnumerable<ConsoleLine> FollowConsoleAsync(CancellationToken cancellationToken) => Console.FollowAsync(cancellationToken);

    private Task Record(string action, string name)
    {
        lock (gate)
        {
            Actions.Add($"{action} {name}");
        }
        return Task.CompletedTask;
    }

    public static ResourceSnapshot Service(string name, int port, string state = "Running") => new()
    {
        Name = name,
        Type = "Project",
        State = state,
        Health = state == "Running" ? "Healthy" : null,
        Pid = state == "Running" ? 4000 + port % 1000 : null,
        Urls = [$"http://127.0.0.1:{port}"],
        StartedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
        Properties = new Dictionary<string, string> { ["waits for"] = "postgres, messaging", ["log file"] = $".data/logs/{name}.log" },
        Environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["OTEL_SERVICE_NAME"] = name,
            [$"ConnectionStrings__{name}"] = $"Host=127.0.0.1;Port=5433;Database={name};Username={name};Password=pg-{name}-secret",
            ["ConnectionStrings__messaging"] = "amqp://studios:rabbit-secret@127.0.0.1:5673/",
            ["Jwt__SigningKey"] = "signing-key-material",
        },
    };
}
