using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Studios.Testing;

/// <summary>Hosts a real service (its Program) in the test process against the environment's own database and
/// virtual host on the shared RabbitMQ and PostgreSQL; tokens from <see cref="TestTokens"/> are accepted.</summary>
public class ServiceFactory<TProgram>(TestEnvironment environment, string database, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public TestEnvironment Environment => environment;

    /// <summary>The service's connection string (its own role on its own database).</summary>
    public string DatabaseConnectionString => environment.DatabaseConnectionString(database);

    /// <summary>An HTTP client signed in as <paramref name="personId"/> with <paramref name="roles"/>.</summary>
    public HttpClient ClientFor(Guid personId, string name, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestTokens.For(personId, name, roles));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = environment.DatabaseConnectionString(database),
            ["ConnectionStrings:messaging"] = environment.MessagingConnectionString,
            ["Identity:Authority"] = null,
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
            // Tests send bursts no person would; a test about the limits sets its own.
            ["RateLimits:CommandsPerPerson:PermitLimit"] = "1000000",
            ["RateLimits:AnonymousPerAddress:PermitLimit"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        // Host settings win over the service's appsettings.json and, unlike ConfigureAppConfiguration, are already there
        // while Program registers its services (Aspire.Npgsql reads the connection string then).
        foreach (var (key, value) in values) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.Authority = null;
                options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
            });
            // The host starts only once its consumers' queues are bound: an event a test publishes right after is
            // not dropped unrouted (MassTransit otherwise starts the bus in the background).
            services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        });
    }
}
