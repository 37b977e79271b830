namespace Studios.AppHost.Tests;

/// <summary>
/// One AppHost for the whole "AppHost" collection (a start costs tens of seconds): its own data folder and free ports.
/// Ready once every resource is Running and Healthy; stopped with SIGTERM at the end.
/// </summary>
public sealed class RunningAppHost : IAsyncLifetime
{
    // A cold start builds the services, and other builds may share the two cores.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public TestDataFolder Data { get; } = new();
    public TestPorts Ports { get; } = new();
    public AppHostProcess Process { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public string Issuer => $"http://127.0.0.1:{Ports["AppHost"]}";

    public async Task InitializeAsync()
    {
        // Stopping a service waits for its graceful shutdown (up to the AppHost's grace period).
        Api = new HttpClient { BaseAddress = new Uri(Issuer), Timeout = TimeSpan.FromSeconds(60) };
        Process = AppHostProcess.Start(Data.Path, Ports);
        await WaitUntilAllUpAsync(Process, Api, StartTimeout);
    }

    public static async Task<Resource[]> WaitUntilAllUpAsync(AppHostProcess process, HttpClient api, TimeSpan timeout)
    {
        try
        {
            return await Poll.UntilAsync(
                async () =>
                {
                    if (process.Exited.IsCompleted)
                        throw new InvalidOperationException($"The AppHost exited early. Its output:\n{process.Output}");
                    return await Resource.AllAsync(api);
                },
                resources => resources.Length == 6 && resources.All(r => r.IsUp),
                timeout, "every resource Running and Healthy");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nAppHost output:\n{process.Output}", e);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Process is not null) await Process.DisposeAsync();
        Data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<RunningAppHost>
{
    public const string Name = "AppHost";
}
