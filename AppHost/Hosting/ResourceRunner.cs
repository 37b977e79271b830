using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// Runs one resource and keeps it running: waits for what it depends on, launches it, probes its health,
/// and relaunches it with backoff when it ends unexpectedly. Subclasses say how to launch, probe and stop.
/// </summary>
public abstract class ResourceRunner
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly TaskCompletionSource _firstHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _startGates = [];
    private readonly ILogger _logger;
    private CancellationTokenSource? _run;
    private Task _loop = Task.CompletedTask;
    private int _restartCount;
    private volatile bool _restartsHeld;

    protected ResourceRunner(Resource resource, string type, ConsoleLog log, ILogger logger)
    {
        Resource = resource;
        Type = type;
        Log = log;
        _logger = logger;
    }

    public Resource Resource { get; }
    public string Name => Resource.Name;

    /// <summary>"Project", or the container-like "RabbitMQ" / "PostgreSQL".</summary>
    public string Type { get; }

    public ConsoleLog Log { get; }
    public ResourceState State { get; private set; } = ResourceState.Waiting;
    public HealthStatus Health { get; private set; } = HealthStatus.Unknown;
    public int? Pid { get; private set; }
    public int RestartCount => _restartCount;
    public DateTimeOffset? StartedAt { get; private set; }
    public int? ExitCode { get; private set; }

    /// <summary>Why it last failed to start or ended, for the API and the console.</summary>
    public string? Problem { get; private set; }

    public abstract IReadOnlyList<string> Urls { get; }

    /// <summary>Completes the first time the resource is healthy; faults if it can never start.</summary>
    public Task FirstHealthy => _firstHealthy.Task;

    /// <summary>Servers fail the whole start-up if they cannot start; a service keeps being retried.</summary>
    protected virtual bool FailsStartupWhenLaunchFails => false;

    /// <summary>Before its first launch, wait for <paramref name="gate"/> (a dependency being healthy, the build).</summary>
    public void WaitFor(Task gate) => _startGates.Add(gate);

    public async Task StartAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (!_loop.IsCompleted) return;
            // Visible at once, so a "start" answered right away does not still read "Stopped".
            SetState(FirstHealthy.IsCompleted ? ResourceState.Starting : ResourceState.Waiting);
            _run = new CancellationTokenSource();
            _loop = Task.Run(() => SuperviseAsync(_run.Token));
        }
        finally { _control.Release(); }
    }

    public async Task StopAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (_loop.IsCompleted && State == ResourceState.Stopped) return;
            SetState(ResourceState.Stopping);
            _run?.Cancel();
            await _loop;
            await TerminateInstanceAsync();
            Pid = null;
            SetState(ResourceState.Stopped, HealthStatus.Unknown);
        }
        finally { _control.Release(); }
    }

    /// <summary>The AppHost is stopping: whatever ends from now on stays ended (a Ctrl+C may reach some servers before we stop them).</summary>
    public void HoldRestarts() => _restartsHeld = true;

    public async Task RestartAsync()
    {
        await StopAsync();
        Interlocked.Increment(ref _restartCount);
        await StartAsync();
    }

    /// <summary>Starts one instance; returns its pid once it runs (servers: once they are ready).</summary>
    protected abstract Task<int?> LaunchAsync(CancellationToken ct);

    /// <summary>Completes when the instance ends on its own, with its exit code if known.</summary>
    protected abstract Task<int?> WaitForExitAsync(CancellationToken ct);

    protected abstract Task<bool> ProbeHealthAsync(CancellationToken ct);

    /// <summary>Ends the current instance gracefully (then forcefully), if one runs.</summary>
    protected abstract Task TerminateInstanceAsync();

    private async Task SuperviseAsync(CancellationToken stop)
    {
        if (!FirstHealthy.IsCompleted && !await PassStartGatesAsync(stop)) return;
        var backoff = Backoff.ForRestarts();
        while (!stop.IsCancellationRequested)
        {
            ExitCode = null;
            SetState(ResourceState.Starting, HealthStatus.Unknown);
            try
            {
                Pid = await LaunchAsync(stop);
                StartedAt = DateTimeOffset.UtcNow;
                Problem = null;
                Log.Note($"{Name} started (pid {Pid})");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                Problem = e.Message;
                Log.Note($"{Name} failed to start: {e.Message}");
                SetState(ResourceState.Failed, HealthStatus.Unhealthy);
                if (FailsStartupWhenLaunchFails && !FirstHealthy.IsCompleted)
                {
                    _firstHealthy.TrySetException(e);
                    return;
                }
                if (!await DelayRestartAsync(backoff.Next(TimeSpan.Zero), stop)) return;
                continue;
            }

            int? exitCode;
            using (var instance = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                var probing = ProbeLoopAsync(instance.Token);
                try { exitCode = await WaitForExitAsync(stop); }
                catch (OperationCanceledException) { exitCode = null; }
                await instance.CancelAsync();
                await probing;
            }
            if (stop.IsCancellationRequested) return;

            Pid = null;
            ExitCode = exitCode;
            Problem = $"exited unexpectedly (exit code {exitCode?.ToString() ?? "unknown"})";
            Log.Note($"{Name} {Problem}");
            SetState(ResourceState.Exited, HealthStatus.Unknown);
            if (!await DelayRestartAsync(backoff.Next(DateTimeOffset.UtcNow - (StartedAt ?? DateTimeOffset.UtcNow)), stop)) return;
        }
    }

    private async Task<bool> PassStartGatesAsync(CancellationToken stop)
    {
        SetState(ResourceState.Waiting);
        try
        {
            await Task.WhenAll(_startGates).WaitAsync(stop);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { return false; }
        catch (Exception e)
        {
            Problem = $"not started: {e.Message}";
            SetState(ResourceState.Failed);
            _firstHealthy.TrySetException(new AppHostException($"{Name} was not started because something it needs failed.", e));
            return false;
        }
    }

    private async Task<bool> DelayRestartAsync(TimeSpan delay, CancellationToken stop)
    {
        if (_restartsHeld) return false;
        var count = Interlocked.Increment(ref _restartCount);
        SetState(ResourceState.Restarting);
        Log.Note($"{Name} restarting in {delay.TotalSeconds:0} s (restart {count})");
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException) { return false; }
    }

    private async Task ProbeLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            bool healthy;
            try { healthy = await ProbeHealthAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception) { healthy = false; }
            if (ct.IsCancellationRequested) return;

            if (healthy) SetState(ResourceState.Running, HealthStatus.Healthy);
            else if (State is ResourceState.Running or ResourceState.Unhealthy) SetState(ResourceState.Unhealthy, HealthStatus.Unhealthy);
            else Health = HealthStatus.Unhealthy;
            if (healthy) _firstHealthy.TrySetResult();

            try { await Task.Delay(healthy ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(250), ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    private void SetState(ResourceState state, HealthStatus? health = null)
    {
        ResourceState previous;
        lock (_gate)
        {
            previous = State;
            State = state;
            if (health is { } h) Health = h;
        }
        if (previous == state) return;
        var level = state is ResourceState.Exited or ResourceState.Failed or ResourceState.Unhealthy ? LogLevel.Warning : LogLevel.Information;
        if (state is ResourceState.Waiting) return;
        _logger.Log(level, "{Resource,-17} {State}{Detail}", Name, state,
            state switch
            {
                ResourceState.Running => Pid is { } pid ? $" (pid {pid})" : "",
                ResourceState.Exited or ResourceState.Failed => Problem is { } problem ? $": {problem}" : "",
                _ => "",
            });
    }
}
