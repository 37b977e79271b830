using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The broker stops answering in the middle of a burst (frozen, then its connections reset, as when its host
/// dies): the writes queued on the service's connections can never be sent. The consumers' connection must still shut
/// down and reconnect, which it could not while the relay's publishes shared it and filled its outgoing frame queue
/// (docs/messaging.md, "Why a broker crash stalled it").</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class FrozenBrokerTests(ITestOutputHelper output)
{
    private const int Burst = 20_000;

    [Fact]
    public async Task A_broker_that_freezes_and_resets_mid_burst_loses_nothing_and_stalls_nothing()
    {
        await using var env = await TestEnvironment.CreateAsync("frozenbroker");
        await using var proxy = new FreezingProxy(env.Servers.RabbitMq.AmqpPort);
        var throughProxy = env.MessagingConnectionString.Replace($":{env.Servers.RabbitMq.AmqpPort}/", $":{proxy.Port}/", StringComparison.Ordinal);
        await using var rig = await LedgerRig.StartAsync("frozenbroker", settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = throughProxy,
            ["Messaging:StallAfter"] = "00:01:00",
        }, debugLogs: true);
        var database = rig.Database;
        var burst = LedgerWriter.RecordAsync(rig.Ledger.Services, Burst);
        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= 1_000, TimeSpan.FromSeconds(120), "a thousand events to be applied first");

        proxy.Freeze();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the relay and the consumers go on writing into sockets nobody reads
        await proxy.ResetAsync();
        output.WriteLine($"froze and reset the broker's connections with {await database.DistinctEffectsAsync()} applied");
        var ids = await burst;

        await Eventually.TrueAsync(() => database.AllAppliedAsync(Burst), TimeSpan.FromSeconds(180), "every event of the burst to be applied");
        var tally = await database.TallyAsync(ids, rig.Probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(0, rig.Metrics.Total("messaging.stalled_endpoints"));
    }
}
