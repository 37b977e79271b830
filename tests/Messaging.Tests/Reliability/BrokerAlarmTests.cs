using System.Net;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The broker raises a memory alarm for longer than the stall limit: it blocks the relay's connection (the
/// only one that publishes) and not the consumers'; nothing is reported stalled and nothing restarts; once the alarm
/// clears, the blocked publishes are confirmed and every event is applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class BrokerAlarmTests(ITestOutputHelper output)
{
    private const int Before = 200, During = 300;
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_memory_alarm_blocks_the_relay_until_it_clears_and_nothing_restarts()
    {
        await using var rig = await LedgerRig.StartAsync("brokeralarm", own: OwnServers.Broker, debugLogs: true,
            settings: new Dictionary<string, string?> { ["Messaging:StallAfter"] = StallAfter.ToString() });
        var (database, services) = (rig.Database, rig.Ledger.Services);
        var alarm = new BrokerAlarm(rig.Rig.OwnBroker!);
        var ids = (await LedgerWriter.RecordAsync(services, Before)).ToList();
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Before), TimeSpan.FromSeconds(60), "the events before the alarm to be applied");

        await alarm.RaiseAsync();
        try
        {
            ids.AddRange(await LedgerWriter.RecordAsync(services, During));
            // Publishers block: the relay's connection, which publishes, and only it.
            await Eventually.TrueAsync(async () => (await alarm.ConnectionsAsync()).Any(c => c.ClientName == "ledger relay" && c.State == "blocked"),
                TimeSpan.FromSeconds(30), "the relay's connection to be blocked by the broker");
            var connections = await alarm.ConnectionsAsync();
            output.WriteLine("during the alarm: " + string.Join(", ", connections.Select(c => $"{c.ClientName} {c.State}")));
            Assert.All(connections.Where(c => c.ClientName == "ledger"), c => Assert.NotEqual("blocked", c.State));

            // Held past the stall limit: a detector that took the blocked relay or the quiet queues for a stall would say so.
            await Task.Delay(StallAfter * 2);
            Assert.True(await database.DistinctEffectsAsync() < Before + During, "the events enqueued during the alarm wait");
            Assert.True(await database.PendingOutboxAsync() > 0, "their rows are not marked sent");
            Assert.Equal(HttpStatusCode.OK, (await rig.Ledger.CreateClient().GetAsync("/alive")).StatusCode);
        }
        finally
        {
            await alarm.ClearAsync();
        }

        // Publishers resume.
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Before + During), TimeSpan.FromSeconds(90), "the events of the alarm to be applied");
        var tally = await database.TallyAsync(ids, rig.Probe.DuplicateDeliveries);
        output.WriteLine($"{tally}; publish failures {rig.Metrics.Total("outbox.publish_failures")}");
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(0, rig.Metrics.Total("messaging.stalled_endpoints"));
        // The bus ran throughout: MassTransit logs every stop of a bus.
        Assert.DoesNotContain(rig.Rig.Logs.Entries, entry => entry.Message.StartsWith("Bus stopped", StringComparison.Ordinal));
    }
}
