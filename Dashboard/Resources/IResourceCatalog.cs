namespace Studios.Dashboard.Resources;

/// <summary>What the dashboard needs from whoever owns the processes (the AppHost): their state, the buttons, their console.
/// Register one in DI; without it the Resources and Console pages are empty.</summary>
public interface IResourceCatalog
{
    /// <summary>Every resource as it is now. Environment values are shown masked by the dashboard.</summary>
    IReadOnlyList<ResourceSnapshot> Snapshot();

    Task StartAsync(string name, CancellationToken cancellationToken = default);

    Task StopAsync(string name, CancellationToken cancellationToken = default);

    Task RestartAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The most recent console lines of one resource, oldest first.</summary>
    IReadOnlyList<ConsoleLine> ConsoleLines(string name);

    /// <summary>Every console line of every resource written from now on, until the token is cancelled.</summary>
    IAsyncEnumerable<ConsoleLine> FollowConsoleAsync(CancellationToken cancellationToken);

    /// <summary>Raised when any resource's state, health, pid, URLs or restart count changed.</summary>
    event EventHandler? Changed;
}
