using Microsoft.Extensions.Hosting;

namespace Studios.AppHost.Hosting;

/// <summary>The web host must not react to Ctrl+C/SIGTERM itself: the AppHost stops the resources first, then the web host.</summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
