using System.Net;
using Studios.Testing;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>One Stewardship service per test class on its own database and virtual host, a test bus standing in for
/// the other services, and a clock the class may move.</summary>
public class StewardshipFixture : IAsyncLifetime
{
    public const string Database = "stewardship";

    private TestEnvironment? _environment;
    private StewardshipFactory? _factory;
    private TestBus? _bus;

    public TestClock Time { get; } = new();

    public StewardshipFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public TestBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings for this class's service; the defaults keep the sweep and the gauges quick.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stewardship:HealthSweepInterval"] = "00:00:01",
        ["Stewardship:CountsRefreshInterval"] = "00:00:01",
    };

    public async Task InitializeAsync()
    {
        _environment = await TestEnvironment.CreateAsync("stewardship", Database);
        _factory = new StewardshipFactory(_environment, Time, Settings);
        _bus = await TestBus.StartAsync(_environment);

        // Ready means the database answers and the service's queues are bound: events published after this arrive.
        using var probe = _factory.CreateClient();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the Stewardship service to become ready");
    }

    /// <summary>Another instance of the service on the same database and queues (for the two-instance tests); the caller
    /// disposes it.</summary>
    public async Task<StewardshipFactory> NewInstanceAsync()
    {
        var instance = new StewardshipFactory(_environment!, Time, Settings);
        using var probe = instance.CreateClient();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the second Stewardship instance to become ready");
        return instance;
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null) await _bus.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_environment is not null) await _environment.DisposeAsync();
    }
}
