using MassTransit;
using Microsoft.Extensions.Logging;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>A delivery whose handler never returns is still running when the broker connection drops: the receive
/// endpoint gives up waiting for it 5 s after Messaging:ConsumerStopTimeout and reconnects. MassTransit's own default
/// waits forever.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class StuckDeliveryTests(ITestOutputHelper output)
{
    private const int After = 50;

    [Fact]
    public async Task A_delivery_that_never_finishes_does_not_keep_the_endpoint_from_reconnecting()
    {
        await using var rig = await LedgerRig.StartAsync("stuckdelivery",
            settings: new Dictionary<string, string?> { ["Messaging:ConsumerStopTimeout"] = "00:00:01" }, debugLogs: true);
        var (database, probe, logs, env) = (rig.Database, rig.Probe, rig.Rig.Logs, rig.Rig.Environment);
        // Another service publishes: this test is about the receive endpoint, so Ledger's own publishing stays out of it.
        await using var bus = await TestBus.StartAsync(env);
        try
        {
            await bus.PublishAsync(new EntryRecorded(Guid.NewGuid(), LedgerProbe.Hang, DateTimeOffset.UtcNow), NewId.NextGuid());
            await Eventually.TrueAsync(() => probe.Hanging > 0, TimeSpan.FromSeconds(30), "the consumer to be stuck in a delivery");

            // The management API lists a new connection only after its next statistics round (up to 5 s).
            var cut = 0;
            await Eventually.TrueAsync(async () =>
                (cut = await env.Servers.RabbitMq.CloseConnectionsAsync(env.VirtualHost, clientName: LedgerHost.Database)) > 0,
                TimeSpan.FromSeconds(30), "the host's broker connection to be listed and closed");
            output.WriteLine($"closed {cut} broker connection(s) with the delivery still running");

            var entries = Enumerable.Range(0, After).Select(_ => new EntryRecorded(Guid.NewGuid(), null, DateTimeOffset.UtcNow)).ToList();
            await Task.WhenAll(entries.Select(entry => bus.PublishAsync(entry, NewId.NextGuid())));
            var ids = entries.Select(entry => entry.EntryId).ToList();
            await Eventually.TrueAsync(async () => (await database.TallyAsync(ids, probe.DuplicateDeliveries)).Lost == 0,
                TimeSpan.FromSeconds(60), "the endpoint to reconnect and apply what came after the cut");
            var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
            output.WriteLine(tally.ToString());
            Assert.Equal(0, tally.DuplicatedEffects);
        }
        catch
        {
            foreach (var entry in logs.Entries.Where(entry => entry.Category.StartsWith("MassTransit", StringComparison.Ordinal)
                         && !entry.Message.StartsWith("S-FAULT", StringComparison.Ordinal)))
            {
                output.WriteLine(entry.ToString());
            }
            throw;
        }
        finally
        {
            probe.ReleaseHung(); // so the host can stop
        }
    }
}
