using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

/// <summary>The real Membership service, with a clock tests can move.</summary>
public sealed class MembershipFactory(TestEnvironment environment, IDictionary<string, string?> settings)
    : ServiceFactory<Program>(environment, "membership", settings)
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
