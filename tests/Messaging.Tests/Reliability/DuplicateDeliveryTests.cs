using MassTransit;
using RabbitMQ.Client;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The same message delivered twice, one after the other or at the same moment, has one effect.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class DuplicateDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        await using var rig = await LedgerRig.StartAsync("duplicates");
        var (database, probe, metrics, env) = (rig.Database, rig.Probe, rig.Metrics, rig.Rig.Environment);
        await using var bus = await TestBus.StartAsync(env);

        // One after the other: the second finds the inbox row committed.
        var first = new EntryRecorded(Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        var firstId = NewId.NextGuid();
        await bus.PublishAsync(first, firstId);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(1), TimeSpan.FromSeconds(30), "the first delivery to be applied");
        await bus.PublishAsync(first, firstId);

        // At the same moment: the second blocks on the first's inbox row until it commits, then inserts nothing.
        var together = Enumerable.Range(0, 50).Select(_ => (Entry: new EntryRecorded(Guid.NewGuid(), null, DateTimeOffset.UtcNow), Id: NewId.NextGuid()))
            .ToList();
        await Task.WhenAll(together.SelectMany(pair => new[] { bus.PublishAsync(pair.Entry, pair.Id), bus.PublishAsync(pair.Entry, pair.Id) }));

        await Eventually.TrueAsync(() => probe.Deliveries(firstId) == 2 && together.All(pair => probe.Deliveries(pair.Id) == 2),
            TimeSpan.FromSeconds(30), "every message to be delivered twice");
        await Eventually.TrueAsync(() => metrics.Total("inbox.duplicates") == 51, TimeSpan.FromSeconds(30),
            "every second delivery to be recognised by the inbox");

        var tally = await database.TallyAsync([first.EntryId, .. together.Select(pair => pair.Entry.EntryId)], probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(51, tally.DuplicateDeliveries);
        // A skipped duplicate is acknowledged as consumed, not moved to the _skipped queue.
        Assert.Equal(0u, await MessagesInAsync(rig.Rig.MessagingConnectionString, "ledger-entry-recorded_skipped"));
    }

    private static async Task<uint> MessagesInAsync(string messaging, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // never created: nothing was ever skipped
        }
    }
}
