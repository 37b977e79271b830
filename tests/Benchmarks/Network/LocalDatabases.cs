using Npgsql;

namespace Studios.Benchmarks.Network;

/// <summary>The running system's PostgreSQL as its superuser, for what the HTTP APIs do not offer: the past sessions'
/// bulk step, outbox lag and the background passes' progress. <c>--postgres</c> is a connection string without a
/// database; by default it is built from the local run's data folder (<c>--data</c>, <c>.data</c>: the generated
/// <c>secrets/postgres-password</c>) and <c>--postgres-port</c> (5433, the AppHost's <c>Ports:Postgres</c>).</summary>
public sealed class LocalDatabases(string connectionString) : IDisposable
{
    public static readonly string[] Services = ["membership", "scheduling", "practice_content", "stewardship", "notifications"];

    private readonly Dictionary<string, NpgsqlDataSource> _sources = [];

    /// <summary>The data folder of the run; the cluster's processes are found by it (<see cref="PostgresCpu"/>).</summary>
    public string? DataFolder { get; private init; }

    public static LocalDatabases FromArgs(Arguments args)
    {
        if (args.Text("--postgres") is { } given) return new LocalDatabases(given);
        var folder = Path.GetFullPath(args.Text("--data", ".data"));
        var secret = Path.Combine(folder, "secrets", "postgres-password");
        if (!File.Exists(secret))
            throw new ArgumentException($"{secret} does not exist: give --data <the run's data folder> or --postgres <connection string>.");
        var port = args.Number("--postgres-port") ?? 5433;
        return new LocalDatabases($"Host=127.0.0.1;Port={port};Username=postgres;Password={File.ReadAllText(secret).Trim()}")
        {
            DataFolder = folder,
        };
    }

    public NpgsqlDataSource For(string database)
    {
        lock (_sources)
        {
            if (_sources.TryGetValue(database, out var source)) return source;
            return _sources[database] = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
            {
                Database = database, MaxPoolSize = 4, CommandTimeout = 300,
            }.ConnectionString);
        }
    }

    public void Dispose()
    {
        foreach (var source in _sources.Values) source.Dispose();
    }
}
