using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Studios.Launchers;

/// <summary>
/// A PostgreSQL cluster run from Debian's binaries with initdb + pg_ctl, listening on 127.0.0.1 only
/// (no Unix socket), its data kept across runs in its own folder.
/// </summary>
public sealed class PostgresServer : LocalServer
{
    private const string ServiceUser = PostgresCluster.ServiceUser;
    private const string SuperUser = PostgresCluster.SuperUser;

    private readonly PostgresOptions _options;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly string _pgData;
    private readonly string _logFile;
    private readonly string _password;

    private PostgresServer(PostgresOptions options, ILogger logger, string root, string password)
        : base(root, options.DeleteDataOnDispose)
    {
        _options = options;
        _logger = logger;
        _root = root;
        _pgData = Path.Combine(root, "data");
        _logFile = Path.Combine(root, "postgres.log");
        _password = password;
    }

    public int Port => _options.Port;

    public string AdminConnectionString => ConnectionString("postgres", SuperUser, _password);

    /// <summary>The postmaster's pid, while it runs.</summary>
    public int? ProcessId => ReadPostmasterPid() is { } pid && Processes.IsAlive(pid) ? pid : null;

    public static async Task<PostgresServer> StartAsync(PostgresOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
            DataFolder.RequireBinary(Path.Combine(options.BinDirectory, tool), "postgresql");
        var root = DataFolder.Prepare(options.DataDirectory);
        var password = DataFolder.PersistedSecret(Path.Combine(root, "superuser.password"));
        var server = new PostgresServer(options, logger ?? NullLogger.Instance, root, password);
        await server.StartCoreAsync(ct).ConfigureAwait(false);
        return server;
    }

    public async Task<string> EnsureDatabaseAsync(string database, string role, string password, CancellationToken ct = default)
    {
        await PostgresCluster.EnsureDatabaseAsync(AdminConnectionString, database, role, password, ct).ConfigureAwait(false);
        _logger.LogInformation("PostgreSQL database {Database} ready for role {Role}", database, role);
        return ConnectionString(database, role, password);
    }

    public async Task DropDatabaseAsync(string database, CancellationToken ct = default)
    {
        ValidateIdentifier(database);
        await using var connection = await OpenAdminAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", ct).ConfigureAwait(false);
    }

    /// <summary>Drops a login role (drop the databases it owns first).</summary>
    public async Task DropRoleAsync(string role, CancellationToken ct = default)
    {
        ValidateIdentifier(role);
        await using var connection = await OpenAdminAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP ROLE IF EXISTS \"{role}\"", ct).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken ct = default)
    {
        var pid = ProcessId;
        if (pid is null) return;
        var result = await Commands.RunAsAsync(ServiceUser, PgCtl, ["-D", _pgData, "-m", "fast", "-w", "-t", "60", "stop"], ct)
            .ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            _logger.LogWarning("pg_ctl stop failed ({Output}); killing the postmaster", result.StandardError.Trim());
            await KillAsync().ConfigureAwait(false);
            return;
        }
        await Processes.WaitForExitAsync([pid.Value], TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        _logger.LogInformation("PostgreSQL on port {Port} stopped", Port);
    }

    /// <summary>SIGKILL the postmaster and its backends, as a crash would. The next start recovers from WAL.</summary>
    public override async Task KillAsync()
    {
        if (ProcessId is not { } pid) return;
        // Backends outlive a killed postmaster and keep its shared memory: a crash takes them all.
        await Processes.KillAsync([pid, .. Processes.ChildrenOf(pid)]).ConfigureAwait(false);
        _logger.LogWarning("PostgreSQL on port {Port} killed", Port);
    }

    private string PgCtl => Path.Combine(_options.BinDirectory, "pg_ctl");

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        await StopLeftOverAsync(ct).ConfigureAwait(false);
        if (!FreePort.IsFree(Port)) throw LauncherException.PortTaken(Port, "PostgreSQL");
        await DataFolder.GiveToAsync(ServiceUser, _root, ct).ConfigureAwait(false);

        if (await PostgresCluster.InitializeAsync(_options.BinDirectory, _pgData, Path.Combine(_root, "superuser.password"), ct)
                .ConfigureAwait(false))
            _logger.LogInformation("Created a PostgreSQL cluster in {Directory}", _pgData);

        var start = await Commands.RunAsAsync(ServiceUser, PgCtl,
            ["-D", _pgData, "-l", _logFile, "-w", "-t", "60",
             "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories=''", "start"], ct).ConfigureAwait(false);
        if (!start.IsSuccess)
        {
            var log = DataFolder.Tail(_logFile);
            if (log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)) throw LauncherException.PortTaken(Port, "PostgreSQL");
            throw new LauncherException($"PostgreSQL did not start (see {_logFile}):\n{log}");
        }
        _logger.LogInformation("PostgreSQL listening on 127.0.0.1:{Port} (pid {Pid}, data {Directory})", Port, ProcessId, _pgData);
    }

    /// <summary>
    /// Stops a PostgreSQL that a crashed earlier run left on this data folder (or removes its stale pid file)
    /// without starting anything. StartAsync does this by itself.
    /// </summary>
    public static async Task StopLeftOverAsync(string dataDirectory, ILogger? logger = null, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(dataDirectory);
        var server = new PostgresServer(new PostgresOptions(root, 0), logger ?? NullLogger.Instance, root, "");
        await server.StopLeftOverAsync(ct).ConfigureAwait(false);
    }

    private async Task StopLeftOverAsync(CancellationToken ct)
    {
        if (ReadPostmasterPid() is not { } pid) return;
        if (Processes.IsAlive(pid) && Processes.CommandName(pid) is "postgres" or "postmaster")
        {
            _logger.LogWarning("Stopping a PostgreSQL left running on {Directory} (pid {Pid})", _pgData, pid);
            await StopAsync(ct).ConfigureAwait(false);
            if (Processes.IsAlive(pid)) await KillAsync().ConfigureAwait(false);
        }
        else
        {
            // The pid may since belong to an unrelated process; postgres would then refuse to start.
            File.Delete(Path.Combine(_pgData, "postmaster.pid"));
        }
    }

    private int? ReadPostmasterPid()
    {
        try
        {
            var file = Path.Combine(_pgData, "postmaster.pid");
            return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException) { return null; }
    }

    private string ConnectionString(string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password,
        }.ConnectionString;

    private async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken ct) =>
        await PostgresCluster.OpenAdminAsync(AdminConnectionString, ct).ConfigureAwait(false);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static void ValidateIdentifier(string name) => PostgresCluster.ValidateIdentifier(name);
}
