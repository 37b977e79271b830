using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Studios.AppHost.Hosting;
using Studios.Dashboard.Resources;
using DashboardLine = Studios.Dashboard.Resources.ConsoleLine;

namespace Studios.AppHost.Api;

/// <summary>
/// The dashboard's view of the supervisor's resources: their snapshots, the start/stop/restart buttons and their console.
/// The dashboard serves /api/resources over this, so the AppHost has no resources API of its own.
/// </summary>
public sealed class SupervisorCatalog : IResourceCatalog, IDisposable
{
    private static readonly TimeSpan ChangePoll = TimeSpan.FromMilliseconds(500);

    private readonly Supervisor _supervisor;
    private readonly Timer _changes;
    private string _lastFingerprint = "";

    public SupervisorCatalog(Supervisor supervisor)
    {
        _supervisor = supervisor;
        // The runners raise no events of their own: a cheap comparison of what the pages show, twice a second.
        _changes = new Timer(_ => RaiseWhenChanged(), null, ChangePoll, ChangePoll);
    }

    public event EventHandler? Changed;

    public IReadOnlyList<ResourceSnapshot> Snapshot() => _supervisor.Resources.Select(Of).ToList();

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => Runner(name).StartAsync();

    public Task StopAsync(string name, CancellationToken cancellationToken = default) => Runner(name).StopAsync();

    public Task RestartAsync(string name, CancellationToken cancellationToken = default) => Runner(name).RestartAsync();

    public IReadOnlyList<DashboardLine> ConsoleLines(string name) =>
        _supervisor.Find(name) is { } runner ? runner.Log.Tail(int.MaxValue).Select(line => Of(runner.Name, line)).ToList() : [];

    public async IAsyncEnumerable<DashboardLine> FollowConsoleAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DashboardLine>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var handlers = _supervisor.Resources
            .Select(runner => (runner, handler: (Action<Hosting.ConsoleLine>)(line => channel.Writer.TryWrite(Of(runner.Name, line)))))
            .ToList();
        foreach (var (runner, handler) in handlers) runner.Log.LineWritten += handler;
        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
                yield return line;
        }
        finally
        {
            foreach (var (runner, handler) in handlers) runner.Log.LineWritten -= handler;
        }
    }

    public void Dispose() => _changes.Dispose();

    private ResourceRunner Runner(string name) =>
        _supervisor.Find(name) ?? throw new KeyNotFoundException($"There is no resource named '{name}'.");

    private void RaiseWhenChanged()
    {
        var fingerprint = string.Join('|', _supervisor.Resources.Select(r => $"{r.Name},{r.State},{r.Health},{r.Pid},{r.RestartCount}"));
        if (fingerprint == Interlocked.Exchange(ref _lastFingerprint, fingerprint)) return;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private static DashboardLine Of(string resource, Hosting.ConsoleLine line) => new(resource, line.Number, line.At, line.Text, line.IsError);

    private static ResourceSnapshot Of(ResourceRunner runner)
    {
        var properties = new Dictionary<string, string> { ["logFile"] = runner.Log.FilePath };
        if (runner.Resource.WaitsFor.Count > 0) properties["waitsFor"] = string.Join(", ", runner.Resource.WaitsFor.Select(r => r.Name));
        if (runner.Problem is { } problem) properties["problem"] = problem;
        return new ResourceSnapshot
        {
            Name = runner.Name,
            Type = runner.Type,
            State = runner.State.ToString(),
            Health = runner.Health.ToString(),
            Pid = runner.Pid,
            Urls = runner.Urls,
            RestartCount = runner.RestartCount,
            StartedAt = runner.StartedAt,
            ExitCode = runner.ExitCode,
            Properties = properties,
            Environment = runner is ProjectRunner project ? project.Environment : new Dictionary<string, string>(),
        };
    }
}
