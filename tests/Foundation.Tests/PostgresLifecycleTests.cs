using System.Net;
using System.Net.Sockets;
using Npgsql;
using Studios.Launchers;
using Studios.Testing;

namespace Studios.Foundation.Tests;

/// <summary>Stopping, restarting, killing PostgreSQL servers of the tests' own.</summary>
public sealed class PostgresLifecycleTests
{
    [Fact]
    public async Task Stop_leaves_no_process_and_restart_keeps_the_data()
    {
        await using var server = await TestServers.StartPostgresAsync();
        var connectionString = await server.EnsureDatabaseAsync("kept", "kept", "secret");
        await ExecuteAsync(connectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('survives')");
        var processes = ProcessChecks.PostgresTree(server);
        Assert.NotEmpty(processes);

        await server.StopAsync();

        Assert.Null(server.ProcessId);
        Assert.False(ProcessChecks.AnyAlive(processes));

        await server.RestartAsync();

        Assert.Equal("survives", await ScalarAsync(connectionString, "SELECT text FROM notes"));
    }

    [Fact]
    public async Task Killed_server_starts_again_and_recovers_committed_data()
    {
        await using var server = await TestServers.StartPostgresAsync();
        var connectionString = await server.EnsureDatabaseAsync("crash", "crash", "secret");
        await ExecuteAsync(connectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('committed')");
        var processes = ProcessChecks.PostgresTree(server);

        await server.KillAsync();

        Assert.False(ProcessChecks.AnyAlive(processes));
        await server.RestartAsync();
        Assert.Equal("committed", await ScalarAsync(connectionString, "SELECT text FROM notes"));
    }

    [Fact]
    public async Task A_server_left_running_by_a_crashed_run_is_stopped_and_replaced()
    {
        var folder = TestServers.NewDataDirectory("postgres");
        var forgotten = await PostgresServer.StartAsync(new PostgresOptions(folder, FreePort.Next()));
        var leftOver = ProcessChecks.PostgresTree(forgotten);
        var connectionString = await forgotten.EnsureDatabaseAsync("leftover", "leftover", "secret");
        await ExecuteAsync(connectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('before the crash')");

        await using var server = await PostgresServer.StartAsync(new PostgresOptions(folder, FreePort.Next()) { DeleteDataOnDispose = true });

        Assert.False(ProcessChecks.AnyAlive(leftOver));
        var sameDataNewPort = new NpgsqlConnectionStringBuilder(connectionString) { Port = server.Port }.ConnectionString;
        Assert.Equal("before the crash", await ScalarAsync(sameDataNewPort, "SELECT text FROM notes"));
    }

    [Fact]
    public async Task A_stale_pid_file_without_a_process_does_not_prevent_starting()
    {
        await using var server = await TestServers.StartPostgresAsync();
        var pidFile = Path.Combine(server.DataDirectory, "data", "postmaster.pid");
        var content = await File.ReadAllLinesAsync(pidFile);
        await server.KillAsync();
        content[0] = DeadPid().ToString();
        await File.WriteAllLinesAsync(pidFile, content);

        await server.RestartAsync();

        Assert.Equal(1, await ScalarAsync(server.AdminConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_taken_port_is_named_in_the_error()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<LauncherException>(() =>
            PostgresServer.StartAsync(new PostgresOptions(TestServers.NewDataDirectory("postgres"), port)));

        Assert.Equal(port, error.Port);
        Assert.Equal("PostgreSQL", error.Purpose);
        Assert.Contains(port.ToString(), error.Message);
    }

    [Fact]
    public async Task Missing_binaries_name_the_package_to_install()
    {
        var error = await Assert.ThrowsAsync<LauncherException>(() => PostgresServer.StartAsync(
            new PostgresOptions(TestServers.NewDataDirectory("postgres"), FreePort.Next()) { BinDirectory = "/nonexistent/bin" }));

        Assert.Contains("apt-get install postgresql", error.Message);
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_named_in_the_error()
    {
        var file = Path.GetTempFileName();
        try
        {
            var folder = Path.Combine(file, "postgres");
            var error = await Assert.ThrowsAsync<LauncherException>(() =>
                PostgresServer.StartAsync(new PostgresOptions(folder, FreePort.Next())));
            Assert.Contains(folder, error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The pid of a process that has exited: a pid file pointing at nothing.</summary>
    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    // No pooling: a pooled connection would be dead after the server restarts.
    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = Unpooled(connectionString);
        await connection.OpenAsync();
        return await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
    }
}
