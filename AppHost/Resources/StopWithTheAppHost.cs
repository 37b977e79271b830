using Microsoft.Extensions.Hosting;

namespace Studios.AppHost.Resources;

/// <summary>Runs a clean-up once the AppHost has stopped its resources (after every hosted service, DCP's included, has
/// stopped), for what a resource leaves behind that DCP does not know about.</summary>
internal sealed class StopWithTheAppHost(IHostApplicationLifetime lifetime, Func<Task> cleanUp) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() => cleanUp().GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
