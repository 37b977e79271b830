using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>Two instances of a service relay one outbox (and consume one queue): every event is published and applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class TwoRelaysTests(ITestOutputHelper output)
{
    private const int Events = 3_000;

    [Fact]
    public async Task Two_relays_over_one_outbox_apply_every_event_once()
    {
        await using var env = await TestEnvironment.CreateAsync("tworelays", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        var probe = new LedgerProbe();
        // Small batches, so the two relays interleave many claims.
        var settings = new Dictionary<string, string?> { ["Messaging:RelayBatchSize"] = "25" };
        await using var one = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            probe, settings: settings);
        await using var two = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            probe, settings: settings);
        using var oneMetrics = new MetricRecorder(one.Services);
        using var twoMetrics = new MetricRecorder(two.Services);

        var ids = await LedgerWriter.RecordAsync(one.Services, Events);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Events), TimeSpan.FromSeconds(120), "every event to be applied");
        await Eventually.TrueAsync(async () => await database.PendingOutboxAsync() == 0, TimeSpan.FromSeconds(30), "every row to be marked sent");

        var published = (One: oneMetrics.Total("outbox.published"), Two: twoMetrics.Total("outbox.published"));
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine($"{tally}; published by relay one {published.One}, by relay two {published.Two}");
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        // Each row is published by exactly one relay: leases keep the other one off it.
        Assert.Equal(Events, published.One + published.Two);
    }
}
