using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Studios.Testing;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>The real Stewardship service whose rules run on <paramref name="time"/>.</summary>
public sealed class StewardshipFactory(TestEnvironment environment, TimeProvider time, IDictionary<string, string?> settings)
    : ServiceFactory<Program>(environment, StewardshipFixture.Database, settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(time));
    }
}
