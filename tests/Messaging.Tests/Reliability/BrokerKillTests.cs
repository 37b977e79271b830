using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The broker dies (kill -9) in the middle of a burst and comes back: the relay and the consumer reconnect by
/// themselves and every event is applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class BrokerKillTests(ITestOutputHelper output)
{
    private const int Burst = 5_000;

    // Quarantined: in 1 of 4 full CI runs on 2 busy cores, the events after the restart were not all applied within
    // 180 s (stuck, not lost or duplicated as far as the tally got). Issue #3 stays open until the cause is found.
    [Fact(Skip = "Quarantined: after a broker kill -9 the burst sometimes stalls (1 in 4 CI runs); see issue #3")]
    public async Task Killing_the_broker_during_a_burst_loses_nothing_and_applies_nothing_twice()
    {
        await using var broker = await TestServers.StartRabbitMqAsync();
        await using var env = await TestEnvironment.CreateAsync("brokerkill", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        var probe = new LedgerProbe();
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), broker.ConnectionString(), probe);

        var burst = LedgerWriter.RecordAsync(ledger.Services, Burst);
        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= Burst / 5, TimeSpan.FromSeconds(120),
            "a fifth of the burst to be applied before the kill");
        await broker.KillAsync();
        output.WriteLine($"killed the broker with {await database.DistinctEffectsAsync()} of {Burst} applied");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the burst goes on into the outbox meanwhile
        await broker.StartAgainAsync();
        var ids = await burst;

        await Eventually.TrueAsync(() => database.AllAppliedAsync(Burst), TimeSpan.FromSeconds(180), "every event of the burst to be applied");
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(0, await database.PendingOutboxAsync());
    }
}
