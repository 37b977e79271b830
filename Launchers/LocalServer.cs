namespace Studios.Launchers;

/// <summary>
/// What the local servers (RabbitMQ, PostgreSQL, smtp4dev) share around their own start, stop and kill: a restart,
/// a start again after an outage a test lets last, and disposal (kill and delete when the data is throw-away, since a
/// graceful stop takes seconds; stop otherwise).
/// </summary>
public abstract class LocalServer(string root, bool deleteDataOnDispose) : IAsyncDisposable
{
    /// <summary>The server's folder (full path).</summary>
    public string DataDirectory => root;

    public abstract Task StopAsync(CancellationToken ct = default);

    /// <summary>kill -9, as a crash would.</summary>
    public abstract Task KillAsync();

    protected abstract Task StartCoreAsync(CancellationToken ct);

    public async Task RestartAsync(CancellationToken ct = default)
    {
        await StopAsync(ct).ConfigureAwait(false);
        await StartCoreAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Starts the server again on its ports and data after <see cref="StopAsync"/> or <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync(CancellationToken ct = default) => StartCoreAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (deleteDataOnDispose)
        {
            await KillAsync().ConfigureAwait(false);
            await AfterKilledForDisposalAsync().ConfigureAwait(false);
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
        else
        {
            await StopAsync().ConfigureAwait(false);
        }
        ReleaseResources();
        GC.SuppressFinalize(this);
    }

    /// <summary>What is left to stop once the server was killed for disposal.</summary>
    protected virtual Task AfterKilledForDisposalAsync() => Task.CompletedTask;

    protected virtual void ReleaseResources() { }
}
