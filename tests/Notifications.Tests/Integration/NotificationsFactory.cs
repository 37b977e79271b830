using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>The real Notifications service whose rules and jobs run on <paramref name="time"/>.</summary>
public sealed class NotificationsFactory(TestEnvironment environment, TimeProvider time, IDictionary<string, string?> settings)
    : ServiceFactory<Program>(environment, NotificationsFixture.Database, settings)
{
    /// <summary>What this host logged, and the spans of the test process.</summary>
    public Telltales Telltales { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Telltales));
        builder.ConfigureTestServices(services => services.AddSingleton(time));
    }
}
