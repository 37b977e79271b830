namespace Studios.Dashboard.Resources;

/// <summary>The catalog used when the host registers none: the dashboard then shows telemetry only.</summary>
internal sealed class EmptyResourceCatalog : IResourceCatalog
{
    public event EventHandler? Changed { add { } remove { } }

    public IReadOnlyList<ResourceSnapshot> Snapshot() => [];

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => throw Unknown(name);

    public Task StopAsync(string name, CancellationToken cancellationToken = default) => throw Unknown(name);

    public Task RestartAsync(string name, CancellationToken cancellationToken = default) => throw Unknown(name);

    public IReadOnlyList<ConsoleLine> ConsoleLines(string name) => [];

    public async IAsyncEnumerable<ConsoleLine> FollowConsoleAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        yield break;
    }

    private static KeyNotFoundException Unknown(string name) => new($"No resource is named '{name}'.");
}
