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
        await using var rig = await LedgerRig.StartAsync("tworelays");
        var (database, probe, one, oneMetrics) = (rig.Database, rig.Probe, rig.Ledger, rig.Metrics);
        var two = await rig.StartAnotherAsync();
        using var twoMetrics = new MetricRecorder(two.Services);

        // Both instances write, each waking its own relay; both relays claim from the one outbox.
        var written = await Task.WhenAll(LedgerWriter.RecordAsync(one.Services, Events / 2, perTransaction: 10),
            LedgerWriter.RecordAsync(two.Services, Events / 2, perTransaction: 10));
        var ids = written.SelectMany(batch => batch).ToList();
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Events), TimeSpan.FromSeconds(120), "every event to be applied");
        await Eventually.TrueAsync(async () => await database.PendingOutboxAsync() == 0, TimeSpan.FromSeconds(30), "every row to be marked sent");

        var published = (One: oneMetrics.Total("outbox.published"), Two: twoMetrics.Total("outbox.published"));
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine($"{tally}; published by relay one {published.One}, by relay two {published.Two}");
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        // Each row is published by exactly one relay: leases keep the other one off it.
        Assert.Equal(Events, published.One + published.Two);
        Assert.True(published.One > 0 && published.Two > 0, "both relays published");
    }
}
