using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Studios.Membership.Contracts;
using Studios.Stewardship.Data;
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

    /// <summary>Registers a person as Membership would (a PersonRegistered on the bus) and waits until Stewardship knows them:
    /// only registered people may be stewards.</summary>
    public async Task<Guid> RegisteredPersonAsync(Guid? personId = null)
    {
        var id = personId ?? Guid.NewGuid();
        await Bus.PublishAsync(new PersonRegistered(id, "Sam Steward", "Europe/Berlin", "en-GB", Time.GetUtcNow()));
        await WaitUntilRegisteredAsync(id, registered: true);
        return id;
    }

    /// <summary>Waits until Stewardship's read model says <paramref name="personId"/> is (or is no longer) a registered person.</summary>
    public async Task WaitUntilRegisteredAsync(Guid personId, bool registered)
    {
        var dataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var people = Factory.Services.GetRequiredService<PeopleRepository>();
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return await people.IsRegisteredAsync(connection, personId, CancellationToken.None) == registered;
        }, TimeSpan.FromSeconds(20), $"person {personId} to be {(registered ? "registered" : "erased")} in Stewardship");
    }

    /// <summary>Waits until the message <paramref name="messageId"/> has been consumed (its inbox row is committed).</summary>
    public async Task WaitUntilConsumedAsync(Guid messageId)
    {
        var dataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM inbox WHERE message_id = @id)", connection);
            command.Parameters.AddWithValue("id", messageId);
            return (bool)(await command.ExecuteScalarAsync())!;
        }, TimeSpan.FromSeconds(20), $"message {messageId} to be consumed");
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
