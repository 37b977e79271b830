using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// Runs a server through its launcher (which starts it ready, recovers left-overs and stops it cleanly);
/// copies the server's own log into the resource's console log; notices when the server dies.
/// </summary>
public abstract class ServerRunner(Resource resource, string type, string serverLogFile, int probePort, ConsoleLog log, ILogger logger)
    : ResourceRunner(resource, type, log, logger)
{
    private readonly CancellationTokenSource _following = new();
    private Task? _follower;

    protected ILogger LauncherLogger { get; } = new ConsoleLogLogger(log, logger);

    protected override bool FailsStartupWhenLaunchFails => true;

    protected override async Task<int?> LaunchAsync(CancellationToken ct)
    {
        _follower ??= LogFileFollower.FollowAsync(serverLogFile, Log, _following.Token);
        return await StartServerAsync(ct);
    }

    /// <summary>Starts (or restarts) the server and returns its pid once it is ready.</summary>
    protected abstract Task<int?> StartServerAsync(CancellationToken ct);

    protected abstract int? CurrentProcessId { get; }

    protected override async Task<int?> WaitForExitAsync(CancellationToken ct)
    {
        while (CurrentProcessId is not null) await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return null;
    }

    /// <summary>Ready was proven at start; from then on, healthy while it accepts connections.</summary>
    protected override async Task<bool> ProbeHealthAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        await client.ConnectAsync("127.0.0.1", probePort, timeout.Token);
        return true;
    }

    /// <summary>Stops copying the server's log (after it has stopped, so its last lines are kept).</summary>
    public async Task StopFollowingLogAsync()
    {
        await _following.CancelAsync();
        if (_follower is not null) await _follower;
    }
}
