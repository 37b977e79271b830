using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using Studios.AppHost.Model;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>PostgreSQL from Debian's binaries, with one database and one login role (its own password) per service.</summary>
public sealed class PostgresRunner(
    PostgresResource resource, AppHostSettings settings, DataLayout data, Secrets secrets, ConsoleLog log, ILogger logger)
    : ServerRunner(resource, "PostgreSQL", Path.Combine(data.Postgres, "postgres.log"), resource.Port.Port, log, logger)
{
    private readonly ConcurrentDictionary<string, string> _connectionStrings = new();
    private PostgresServer? _server;

    public override IReadOnlyList<string> Urls => [$"postgresql://127.0.0.1:{resource.Port.Port}"];

    public IEnumerable<string> Databases => resource.Databases.Select(d => d.Name);

    protected override int? CurrentProcessId => _server?.ProcessId;

    /// <summary>The connection string of the database's own role.</summary>
    public string ConnectionStringOf(DatabaseResource database) =>
        _connectionStrings.TryGetValue(database.Name, out var value)
            ? value
            : throw new InvalidOperationException($"Database {database.Name} has not been created yet.");

    protected override async Task<int?> StartServerAsync(CancellationToken ct)
    {
        if (_server is null)
        {
            var options = new PostgresOptions(data.Postgres, resource.Port.Port) { BinDirectory = settings.PostgresBinDirectory };
            try
            {
                _server = await PostgresServer.StartAsync(options, LauncherLogger, ct);
            }
            catch (LauncherException e) when (e.Port is not null)
            {
                throw PortCheck.Taken(resource.Port);
            }
        }
        else
        {
            await _server.RestartAsync(ct);
        }
        foreach (var database in resource.Databases)
        {
            var password = secrets.GetOrCreate($"postgres-role-{database.Role}.password");
            _connectionStrings[database.Name] = await _server.EnsureDatabaseAsync(database.Name, database.Role, password, ct);
        }
        await CloseSharedDatabasesAsync(_server, ct);
        return _server.ProcessId;
    }

    /// <summary>A service role may reach only its own database: not even the maintenance databases everyone may connect to by default.</summary>
    private static async Task CloseSharedDatabasesAsync(PostgresServer server, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC; REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;",
            connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    protected override async Task TerminateInstanceAsync()
    {
        if (_server is not null) await _server.StopAsync();
        else await PostgresServer.StopLeftOverAsync(data.Postgres, LauncherLogger);
    }
}
