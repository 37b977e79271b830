using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studios.Messaging.Tests.Ledger.Apis;
using Studios.Messaging.Tests.Support;
using Studios.ServiceDefaults;
using Studios.Testing;

namespace Studios.Messaging.Tests.Ledger;

/// <summary>Ledger, a service of its own built like the real ones (its Program is <see cref="Build"/>): service
/// defaults, its migrations, its consumer and an HTTP API, on an in-memory test server. Start several over one
/// database and virtual host to get several instances of the service.</summary>
public sealed class LedgerHost : IAsyncDisposable
{
    public const string Database = "ledger";

    private readonly WebApplication _app;
    private bool _stopped;

    private LedgerHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public HttpClient CreateClient() => _app.GetTestClient();

    public HttpClient ClientFor(params string[] roles) => ClientFor(Guid.NewGuid(), roles);

    public HttpClient ClientFor(Guid personId, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new("Bearer", TestTokens.For(personId, "Olu Operator", roles));
        return client;
    }

    /// <summary><paramref name="settings"/> plus MassTransit at Debug (why an endpoint stops or reconnects is told only
    /// there), its per-message lines at Information, and Npgsql's per-command lines left out: for tests that read the
    /// host's logs about a broker connection.</summary>
    public static Dictionary<string, string?> WithMassTransitDebugLogs(IDictionary<string, string?> settings) =>
        new(settings)
        {
            ["Logging:LogLevel:MassTransit"] = "Debug",
            ["Logging:LogLevel:MassTransit.Messages"] = "Information",
            ["Logging:LogLevel:Npgsql"] = "Warning",
        };

    /// <param name="services">More services, e.g. a test's own telemetry exporter.</param>
    public static async Task<LedgerHost> StartAsync(string databaseConnectionString, string messagingConnectionString,
        LedgerProbe probe, LogCollector? logs = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = Build(databaseConnectionString, messagingConnectionString, probe, logs, settings, services);
        await app.StartAsync();
        return new LedgerHost(app);
    }

    /// <summary>What a Program.cs of this service would hold.</summary>
    private static WebApplication Build(string databaseConnectionString, string messagingConnectionString, LedgerProbe probe,
        LogCollector? logs, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LedgerHost).Assembly.GetName().Name,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseTestServer();
        var values = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database}"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = messagingConnectionString,
            ["Identity:Authority"] = null,
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs);
        // LEDGER_LOGS=1 shows the hosts' own logs on the console when a test needs explaining.
        if (Environment.GetEnvironmentVariable("LEDGER_LOGS") == "1") builder.Logging.AddSimpleConsole(console => console.SingleLine = true);

        builder.AddServiceDefaults(Database, typeof(LedgerHost).Assembly);
        builder.Services.AddSingleton(probe);
        services?.Invoke(builder.Services);
        // Start returns once the consumer's queue is bound: what a test publishes next is not dropped unrouted.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.Authority = null;
            options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
        });

        var app = builder.Build();
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(probe);
        app.MapDefaultEndpoints();
        app.MapEntriesApi();
        return app;
    }

    /// <summary>Kills the instance as a crash looks from outside: <paramref name="cutConnections"/> cuts it off from the
    /// broker first, then the host goes away (see <see cref="LedgerRig.KillFirstAsync"/>). The stop after the cut is a
    /// normal one, so the dead instance's hosted services end.</summary>
    public async Task KillAsync(Func<Task> cutConnections)
    {
        _stopped = true;
        await cutConnections();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
