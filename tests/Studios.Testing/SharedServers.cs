using Studios.Launchers;

namespace Studios.Testing;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ per test process, started on first use on free ports
/// and stopped (data deleted) when the process exits. Tests get isolation from <see cref="TestEnvironment"/>,
/// not from servers of their own: booting RabbitMQ takes seconds.
/// </summary>
public sealed class SharedServers
{
    private static readonly Lazy<Task<SharedServers>> Instance = new(StartAsync);

    private SharedServers(PostgresServer postgres, RabbitMqServer rabbitMq)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    public PostgresServer Postgres { get; }
    public RabbitMqServer RabbitMq { get; }

    public static Task<SharedServers> GetAsync() => Instance.Value;

    private static async Task<SharedServers> StartAsync()
    {
        var postgres = TestServers.StartPostgresAsync();
        var rabbitMq = TestServers.StartRabbitMqAsync();
        // If one fails, the one that did start is stopped by TestServers' exit handler.
        await Task.WhenAll(postgres, rabbitMq).ConfigureAwait(false);
        return new SharedServers(postgres.Result, rabbitMq.Result);
    }
}
