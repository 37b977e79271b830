using System.Collections.Concurrent;
using Studios.Launchers;

namespace Studios.Testing;

/// <summary>
/// Servers of a test's own, for reliability tests that stop or kill them: free ports, a temp folder,
/// data deleted on dispose. Any still running when the test process exits are stopped then.
/// </summary>
public static class TestServers
{
    private const int Attempts = 3;
    private static readonly ConcurrentDictionary<IAsyncDisposable, byte> Running = new();

    static TestServers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllAsync().Wait(TimeSpan.FromSeconds(30));
    }

    public static Task<RabbitMqServer> StartRabbitMqAsync(CancellationToken ct = default) =>
        StartAsync(() => RabbitMqServer.StartAsync(
            new RabbitMqOptions(TestFolders.NewServerFolder("rabbitmq"), FreePort.Next(), FreePort.Next(), FreePort.Next(),
                $"test-{ShortId.New()}") { DeleteDataOnDispose = true }, ct: ct));

    public static Task<PostgresServer> StartPostgresAsync(CancellationToken ct = default) =>
        StartAsync(() => PostgresServer.StartAsync(
            new PostgresOptions(TestFolders.NewServerFolder("postgres"), FreePort.Next()) { DeleteDataOnDispose = true }, ct: ct));

    /// <summary>smtp4dev on free ports: messages in memory, or (<paramref name="inMemory"/> false) in its data folder, so
    /// they survive a stop and start.</summary>
    public static Task<Smtp4devServer> StartSmtp4devAsync(bool inMemory = true, CancellationToken ct = default) =>
        StartAsync(() => Smtp4devServer.StartAsync(
            new Smtp4devOptions(TestFolders.NewServerFolder("smtp4dev"), FreePort.Next(), FreePort.Next())
            { InMemory = inMemory, DeleteDataOnDispose = true }, ct: ct));

    /// <summary>A fresh folder for a server a test starts itself; removed with the run's other folders.</summary>
    public static string NewDataDirectory(string kind) => TestFolders.NewServerFolder(kind);

    /// <summary>A free port can be taken by someone else before the server binds it: try again on fresh ports.</summary>
    private static async Task<T> StartAsync<T>(Func<Task<T>> start) where T : IAsyncDisposable
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var server = await start().ConfigureAwait(false);
                Running.TryAdd(server, 0);
                return server;
            }
            catch (LauncherException e) when (e.Port is not null && attempt < Attempts) { }
        }
    }

    private static async Task StopAllAsync()
    {
        // Disposing a server the test already disposed is harmless.
        var servers = Running.Keys.ToList();
        Running.Clear();
        await Task.WhenAll(servers.Select(async s =>
        {
            try { await s.DisposeAsync().ConfigureAwait(false); }
            catch (Exception) { /* exiting anyway; the next run sweeps what is left */ }
        })).ConfigureAwait(false);
        try
        {
            TestFolders.DeleteRun();
        }
        catch (IOException) { }
    }
}
