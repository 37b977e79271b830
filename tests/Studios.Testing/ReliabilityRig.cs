using Microsoft.Extensions.Logging;
using Studios.Launchers;

namespace Studios.Testing;

/// <summary>What every reliability test sets up before it breaks something, in one place: its own virtual host and
/// database on the shared servers, or a broker or PostgreSQL of its own when it kills or stops one; the service's
/// connection strings; one log of every host it starts; and those hosts, stopped in reverse order on dispose.
/// <code>await using var rig = await ReliabilityRig.CreateAsync("brokerkill", "ledger", OwnServers.Broker);</code></summary>
public sealed class ReliabilityRig : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _hosts = new();

    private ReliabilityRig(TestEnvironment environment, RabbitMqServer? ownBroker, PostgresServer? ownPostgres,
        string databaseConnectionString, LogCollector logs)
    {
        Environment = environment;
        OwnBroker = ownBroker;
        OwnPostgres = ownPostgres;
        DatabaseConnectionString = databaseConnectionString;
        Logs = logs;
    }

    public TestEnvironment Environment { get; }

    /// <summary>The test's own broker (<see cref="OwnServers.Broker"/>), which it may kill; null on the shared one.</summary>
    public RabbitMqServer? OwnBroker { get; }

    /// <summary>The test's own PostgreSQL (<see cref="OwnServers.Postgres"/>), which it may stop; null on the shared one.</summary>
    public PostgresServer? OwnPostgres { get; }

    /// <summary>The broker the service uses: the test's own, or the shared one.</summary>
    public RabbitMqServer Broker => OwnBroker ?? Environment.Servers.RabbitMq;

    /// <summary>The virtual host the service uses on <see cref="Broker"/>.</summary>
    public string VirtualHost => OwnBroker is null ? Environment.VirtualHost : "/";

    public string DatabaseConnectionString { get; }

    public string MessagingConnectionString => Broker.ConnectionString(VirtualHost);

    /// <summary>Every log entry of the hosts started with these logs (pass it to the host's logging).</summary>
    public LogCollector Logs { get; }

    /// <param name="name">The environment's name (lowercase letters, digits, '_').</param>
    /// <param name="database">The service's database, created with a login role of its own.</param>
    /// <param name="own">Servers the test gets for itself, to kill or stop.</param>
    /// <param name="logLevel">The lowest level <see cref="Logs"/> keeps.</param>
    public static async Task<ReliabilityRig> CreateAsync(string name, string database, OwnServers own = OwnServers.None,
        LogLevel logLevel = LogLevel.Information)
    {
        var broker = own.HasFlag(OwnServers.Broker) ? TestServers.StartRabbitMqAsync() : Task.FromResult<RabbitMqServer>(null!);
        var postgres = own.HasFlag(OwnServers.Postgres) ? TestServers.StartPostgresAsync() : Task.FromResult<PostgresServer>(null!);
        var environment = await TestEnvironment.CreateAsync(name, own.HasFlag(OwnServers.Postgres) ? [] : [database]).ConfigureAwait(false);
        var ownPostgres = await postgres.ConfigureAwait(false);
        var connectionString = ownPostgres is null
            ? environment.DatabaseConnectionString(database)
            : await ownPostgres.EnsureDatabaseAsync(database, database, Guid.NewGuid().ToString("N")).ConfigureAwait(false);
        return new ReliabilityRig(environment, await broker.ConfigureAwait(false), ownPostgres, connectionString, new LogCollector(logLevel));
    }

    /// <summary>Starts a host that the rig stops on dispose; a host the test stopped first must take a second dispose.</summary>
    public async Task<THost> StartAsync<THost>(Func<Task<THost>> start) where THost : IAsyncDisposable
    {
        var host = await start().ConfigureAwait(false);
        _hosts.Push(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        while (_hosts.TryPop(out var host)) await host.DisposeAsync().ConfigureAwait(false);
        await Environment.DisposeAsync().ConfigureAwait(false);
        if (OwnPostgres is not null) await OwnPostgres.DisposeAsync().ConfigureAwait(false);
        if (OwnBroker is not null) await OwnBroker.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Servers a reliability test gets for itself, because it kills or stops them.</summary>
[Flags]
public enum OwnServers
{
    None = 0,
    Broker = 1,
    Postgres = 2,
}
