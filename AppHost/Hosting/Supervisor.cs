using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// Turns the model into running resources: servers and the build in parallel, each service once what it waits for is healthy.
/// Stops in the reverse order: services first, then the broker and the database.
/// </summary>
public sealed class Supervisor : IAsyncDisposable
{
    private readonly List<ResourceRunner> _runners = [];
    private readonly ServiceBuild _build;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _building = new();
    private Task _buildRun = Task.CompletedTask;

    public Supervisor(ApplicationModel model, AppHostSettings settings, DataLayout data, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Studios.AppHost");
        var secrets = new Secrets(data);
        _build = new ServiceBuild(settings, data, model.Projects.ToList(), logger);

        foreach (var resource in model.Resources)
        {
            var log = new ConsoleLog(data.LogFile(resource.Name));
            _runners.Add(resource switch
            {
                RabbitMqResource rabbitMq => new RabbitMqRunner(rabbitMq, settings, data, log, logger),
                PostgresResource postgres => new PostgresRunner(postgres, settings, data, secrets, log, logger),
                ProjectResource project => new ProjectRunner(project, _build.AssemblyOf(project),
                    () => ServiceEnvironment.For(project, model, ConnectionString, InstanceId(project), data), data, _http, log, logger),
                _ => throw new NotSupportedException($"No runner for {resource.GetType().Name}."),
            });
        }
        foreach (var runner in _runners)
        {
            foreach (var dependency in runner.Resource.WaitsFor) runner.WaitFor(Find(dependency.Name)!.FirstHealthy);
            if (runner is ProjectRunner) runner.WaitFor(_build.Completion);
        }
    }

    public IReadOnlyList<ResourceRunner> Resources => _runners;

    /// <summary>The build's outcome: faults with the compiler's errors.</summary>
    public Task Build => _build.Completion;

    public ResourceRunner? Find(string name) => _runners.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    public async Task StartAsync()
    {
        _buildRun = Task.Run(() => _build.RunAsync(_building.Token));
        foreach (var runner in _runners) await runner.StartAsync();
    }

    /// <summary>
    /// Waits until every resource has been healthy once. Throws (AppHostException) as soon as the build or a server fails:
    /// nothing can work then. Returns false if <paramref name="timeout"/> passes first (services keep being retried).
    /// </summary>
    public async Task<bool> WaitUntilUpAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Task.Delay(timeout, ct);
        var pending = _runners.Select(r => r.FirstHealthy).Append(_build.Completion).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny([.. pending, deadline]);
            if (done == deadline)
            {
                ct.ThrowIfCancellationRequested();
                return false;
            }
            if (done.IsFaulted) throw Unwrap(done.Exception!);
            if (done.IsCanceled) ct.ThrowIfCancellationRequested();
            pending.Remove(done);
        }
        return true;
    }

    public async Task StopAsync()
    {
        foreach (var runner in _runners) runner.HoldRestarts();
        await _building.CancelAsync();
        await _buildRun;
        await Task.WhenAll(_runners.OfType<ProjectRunner>().Select(r => r.StopAsync()));
        await Task.WhenAll(_runners.OfType<ServerRunner>().Select(r => r.StopAsync()));
        foreach (var server in _runners.OfType<ServerRunner>()) await server.StopFollowingLogAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var runner in _runners) runner.Log.Dispose();
        _http.Dispose();
    }

    private string ConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        DatabaseResource database => ((PostgresRunner)Find(database.Server.Name)!).ConnectionStringOf(database),
        RabbitMqResource rabbitMq => ((RabbitMqRunner)Find(rabbitMq.Name)!).ConnectionString,
        _ => throw new NotSupportedException($"No connection string for {resource.GetType().Name}."),
    };

    // One id per resource for this AppHost run, so a restarted process stays the same instance in telemetry (as with Aspire).
    private readonly Dictionary<string, string> _instanceIds = [];

    private string InstanceId(ProjectResource project)
    {
        lock (_instanceIds)
        {
            if (!_instanceIds.TryGetValue(project.Name, out var id))
                _instanceIds[project.Name] = id = $"{project.Name}-{Guid.NewGuid().ToString("N")[..8]}";
            return id;
        }
    }

    private static Exception Unwrap(AggregateException exception) =>
        exception.InnerExceptions.Count == 1 ? exception.InnerExceptions[0] : exception;
}
