using Studios.Messaging.Tests.Ledger;
using Studios.Testing;

namespace Studios.Messaging.Tests.Support;

/// <summary>A reliability test's Ledger: the shared rig (<see cref="ReliabilityRig"/>), one Ledger instance on it with its
/// probe, the test's view of its database and its metrics. More instances of the service start with
/// <see cref="StartAnotherAsync"/>; everything stops on dispose.</summary>
public sealed class LedgerRig : IAsyncDisposable
{
    private readonly string? _killableUser;

    private LedgerRig(ReliabilityRig rig, LedgerProbe probe, LedgerHost ledger, IDictionary<string, string?> settings, string? killableUser)
    {
        _killableUser = killableUser;
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
    /// <param name="killable">The first instance connects to the broker as a user of its own, so <see cref="KillFirstAsync"/>
    /// can cut it off for good.</param>
    public static async Task<LedgerRig> StartAsync(string name, LedgerProbe? probe = null, IDictionary<string, string?>? settings = null,
        OwnServers own = OwnServers.None, bool debugLogs = false, bool killable = false)
    {
        settings ??= new Dictionary<string, string?>();
        if (debugLogs) settings = LedgerHost.WithMassTransitDebugLogs(settings);
        var rig = await ReliabilityRig.CreateAsync(name, LedgerHost.Database, own,
            debugLogs ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Information);
        probe ??= new LedgerProbe();
        var killableUser = killable ? $"{name}-first" : null;
        var messaging = killableUser is null
            ? rig.MessagingConnectionString
            : await rig.Broker.CreateUserAsync(killableUser, rig.VirtualHost);
        var ledger = await rig.StartAsync(() => LedgerHost.StartAsync(rig.DatabaseConnectionString, messaging, probe, rig.Logs, settings));
        return new LedgerRig(rig, probe, ledger, settings, killableUser);
    }

    /// <summary>Kills the first instance (started <c>killable</c>) as a crash looks from outside. Its broker user is deleted
    /// first, so nothing of it can connect again, then its connections are closed (the broker requeues whatever it held
    /// unacknowledged, and transactions that commit after that cannot be acknowledged any more), then the host goes away.
    /// Cutting the connections alone is not enough in one process: a receive endpoint that faulted on the cut may
    /// reconnect after the host stopped, and hold deliveries it can never consume with its disposed services.</summary>
    public async Task KillFirstAsync()
    {
        var user = _killableUser ?? throw new InvalidOperationException("Start the rig with killable: true to kill its first instance.");
        await Ledger.KillAsync(async () =>
        {
            await Rig.Broker.DeleteUserAsync(user);
            await Rig.Broker.CloseConnectionsAsync(Rig.VirtualHost, user: user);
        });
    }

    /// <summary>Another instance of Ledger over the same database and broker, with the same probe and logs.</summary>
    public Task<LedgerHost> StartAnotherAsync(IDictionary<string, string?>? settings = null) =>
        Rig.StartAsync(() => LedgerHost.StartAsync(Rig.DatabaseConnectionString, Rig.MessagingConnectionString, Probe, Rig.Logs, settings ?? Settings));

    /// <summary>What a stalled or failed run needs explained: where the events stopped (outbox, broker queues, consumer),
    /// the host's logs and the broker's.</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string>
        {
            await Safely(Database.DescribeOutboxAsync),
            $"consumer: {Probe.DistinctDeliveries} distinct message ids delivered, {Probe.DuplicateDeliveries} duplicate deliveries",
            $"metrics: outbox.published {Metrics.Total("outbox.published")}, outbox.publish_failures " +
            $"{Metrics.Total("outbox.publish_failures")}, inbox.duplicates {Metrics.Total("inbox.duplicates")}, " +
            $"messaging.stalled_endpoints {Metrics.Total("messaging.stalled_endpoints")}",
            "broker queues:\n" + await Safely(async () => string.Join('\n', await Rig.Broker.QueuesAsync(Rig.VirtualHost))),
            "broker bindings:\n" + await Safely(async () => string.Join('\n', await Rig.Broker.BindingsAsync(Rig.VirtualHost))),
            HostLogs(),
            "broker log (tail):\n" + Rig.Broker.LogTail(),
        };
        return string.Join('\n', lines);
    }

    /// <summary>The hosts' logs; per-message lines (RECEIVE, SEND, PUBLISH, S-FAULT, ...) drown the rest: the first few of
    /// them, then everything else.</summary>
    public string HostLogs()
    {
        var entries = Rig.Logs.Entries;
        var perMessage = entries.Where(entry => entry.IsPerMessage).ToList();
        var shown = perMessage.Take(10).Concat(entries.Where(entry => !entry.IsPerMessage)).OrderBy(entry => entry.At).Take(600);
        return $"Ledger host logs ({entries.Count} entries, {perMessage.Count} of them per message; the first 10 of those, then all others):\n" +
               string.Join('\n', shown);
    }

    private static async Task<string> Safely(Func<Task<string>> describe)
    {
        try
        {
            return await describe();
        }
        catch (Exception exception)
        {
            return $"(unavailable: {exception.GetType().Name}: {exception.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        if (_killableUser is not null) await Rig.Broker.DeleteUserAsync(_killableUser);
        await Rig.DisposeAsync();
    }
}
