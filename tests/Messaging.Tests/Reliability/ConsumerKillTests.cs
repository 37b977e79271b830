using MassTransit;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The consuming service dies mid-stream with messages in flight and is started again: every event is applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class ConsumerKillTests(ITestOutputHelper output)
{
    private const int Stream = 3_000;

    [Fact]
    public async Task Killing_the_consumer_mid_stream_loses_nothing_and_applies_nothing_twice()
    {
        // Each consume holds its transaction a moment, so the kill finds work in flight.
        await using var rig = await LedgerRig.StartAsync("consumerkill", new LedgerProbe { ConsumeDelay = TimeSpan.FromMilliseconds(5) },
            debugLogs: true, killable: true);
        try
        {
            await KillMidStreamAsync(rig);
        }
        catch
        {
            output.WriteLine(await rig.DescribeAsync());
            throw;
        }
    }

    private async Task KillMidStreamAsync(LedgerRig rig)
    {
        var (database, probe, env) = (rig.Database, rig.Probe, rig.Rig.Environment);

        // Another service publishes the stream.
        await using var bus = await TestBus.StartAsync(env);
        var entries = Enumerable.Range(0, Stream).Select(_ => new EntryRecorded(Guid.NewGuid(), null, DateTimeOffset.UtcNow)).ToList();
        foreach (var chunk in entries.Chunk(100))
            await Task.WhenAll(chunk.Select(entry => bus.PublishAsync(entry, NewId.NextGuid())));

        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= Stream / 5, TimeSpan.FromSeconds(60),
            "a fifth of the stream to be applied before the kill");
        await rig.KillFirstAsync();
        var atKill = await database.EffectsAsync();
        output.WriteLine($"killed the consumer with {atKill} of {Stream} applied");

        // Dead means dead: nothing more is applied while no instance runs.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var settled = await database.EffectsAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(settled, await database.EffectsAsync());
        Assert.True(settled < Stream, "the kill came mid-stream");

        await rig.StartAnotherAsync();
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Stream), TimeSpan.FromSeconds(120), "every event of the stream to be applied");
        // Only the new instance consumes: nothing of the dead one came back to hold deliveries (the management API's
        // counts lag by a few seconds, hence the wait).
        await Eventually.MatchAsync(
            async () => (await rig.Rig.Broker.QueuesAsync(rig.Rig.VirtualHost)).Single(queue => queue.Name == "ledger-entry-recorded").Consumers,
            consumers => consumers == 1, TimeSpan.FromSeconds(30), "the new instance to be the queue's only consumer");

        var tally = await database.TallyAsync([.. entries.Select(entry => entry.EntryId)], probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
    }
}
