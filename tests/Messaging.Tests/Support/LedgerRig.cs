using Studios.Messaging.Tests.Ledger;
using Studios.Testing;

namespace Studios.Messaging.Tests.Support;

/// <summary>A reliability test's Ledger: the shared rig (<see cref="ReliabilityRig"/>), one Ledger instance on it with its
/// probe, the test's view of its database and its metrics. More instances of the service start with
/// <see cref="StartAnotherAsync"/>; everything stops on dispose.</summary>
public sealed class LedgerRig : IAsyncDisposable
{
    private LedgerRig(ReliabilityRig rig, LedgerProbe probe, LedgerHost ledger, IDictionary<string, string?> settings)
    {
        Rig = rig;
        Probe = probe;
        Ledger = ledger;
        Settings = settings;
        Database = new LedgerDatabase(rig.DatabaseConnectionString);
        Metrics = new MetricRecorder(ledger.Services);
    }

    public ReliabilityRig Rig { get; }
    public LedgerProbe Probe { get; }
    public LedgerHost Ledger { get; }
    public LedgerDatabase Database { get; }
    public MetricRecorder Metrics { get; }
    public IDictionary<string, string?> Settings { get; }

    /// <param name="debugLogs">MassTransit at Debug in <see cref="ReliabilityRig.Logs"/>: why an endpoint stopped or reconnected.</param>
    public static async Task<LedgerRig> StartAsync(string name, LedgerProbe? probe = null, IDictionary<string, string?>? settings = null,
        OwnServers own = OwnServers.None, bool debugLogs = false)
    {
        settings ??= new Dictionary<string, string?>();
        if (debugLogs) settings = LedgerHost.WithMassTransitDebugLogs(settings);
        var rig = await ReliabilityRig.CreateAsync(name, LedgerHost.Database, own,
            debugLogs ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information);
        probe ??= new LedgerProbe();
        var ledger = await rig.StartAsync(() => LedgerHost.StartAsync(rig.DatabaseConnectionString, rig.MessagingConnectionString, probe, rig.Logs, settings));
        return new LedgerRig(rig, probe, ledger, settings);
    }

    /// <summary>Another instance of Ledger over the same database and broker, with the same probe and logs.</summary>
    public Task<LedgerHost> StartAnotherAsync(IDictionary<string, string?>? settings = null) =>
        Rig.StartAsync(() => LedgerHost.StartAsync(Rig.DatabaseConnectionString, Rig.MessagingConnectionString, Probe, Rig.Logs, settings ?? Settings));

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await Rig.DisposeAsync();
    }
}
