using System.Globalization;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>The drain time publish sets is the one a .NET host actually uses (a misspelt variable would be ignored silently).</summary>
[Collection(PublishedCollection.Name)]
public sealed class ShutdownTimeoutTests(PublishedSystem system)
{
    private const string Variable = "DOTNET_SHUTDOWNTIMEOUTSECONDS";

    [Fact]
    public void The_published_shutdown_timeout_is_the_host_s_shutdown_timeout()
    {
        var published = system.Single<V1ConfigMap>(system.Result.Services[0].Name).Data[Variable];
        var seconds = int.Parse(published, CultureInfo.InvariantCulture);

        // A value other than the default (30 s) first, so the check cannot pass by the variable being ignored.
        Assert.Equal(TimeSpan.FromSeconds(seconds + 7), HostShutdownTimeout((seconds + 7).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromSeconds(seconds), HostShutdownTimeout(published));
    }

    private static TimeSpan HostShutdownTimeout(string value)
    {
        var before = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, value);
        try
        {
            using var host = Host.CreateApplicationBuilder().Build();
            return host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, before);
        }
    }
}
