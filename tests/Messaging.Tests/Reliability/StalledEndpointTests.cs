using RabbitMQ.Client;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>A receive endpoint stops consuming without MassTransit noticing (its consumer is gone from the broker while
/// the endpoint still counts as ready), as after a broker crash that never reached it: the endpoint watchdog finds it
/// and restarts the bus, and every event is applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class StalledEndpointTests(ITestOutputHelper output)
{
    private const int Stream = 5_000;

    [Fact]
    public async Task The_watchdog_reconnects_an_endpoint_that_silently_stopped_consuming()
    {
        await using var env = await TestEnvironment.CreateAsync("stalledendpoint", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        var probe = new LedgerProbe { ConsumeDelay = TimeSpan.FromMilliseconds(2) };
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            probe, settings: new Dictionary<string, string?>
            {
                ["Messaging:EndpointWatchdogInterval"] = "00:00:01",
                ["Messaging:EndpointStallAfter"] = "00:00:05",
            });
        using var metrics = new MetricRecorder(ledger.Services);
        var ids = await LedgerWriter.RecordAsync(ledger.Services, Stream);
        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= Stream / 10, TimeSpan.FromSeconds(60),
            "a tenth of the stream to be applied first");

        await probe.CancelConsumerSilentlyAsync();
        var queue = probe.LastQueue!;
        // The stall is real: messages wait in the queue and nothing consumes them, while MassTransit sees nothing wrong.
        // (asked over AMQP: the management API's figures lag by seconds)
        await using var connection = await new ConnectionFactory { Uri = env.MessagingUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var stalled = await channel.QueueDeclarePassiveAsync(queue);
        var stalledAt = await database.DistinctEffectsAsync();
        output.WriteLine($"consumer cancelled behind MassTransit's back with {stalledAt} of {Stream} applied; " +
                         $"{queue}: {stalled.MessageCount} ready, {stalled.ConsumerCount} consumers");
        Assert.Equal(0u, stalled.ConsumerCount);
        Assert.True(stalled.MessageCount > 0, "messages wait in the queue");
        Assert.True(stalledAt < Stream, "the stall came mid-stream");

        await Eventually.TrueAsync(() => database.AllAppliedAsync(Stream), TimeSpan.FromSeconds(90), "every event to be applied after the watchdog's restart");
        Assert.True(metrics.Total("messaging.endpoint_restarts") >= 1, "the watchdog restarted the stalled endpoint");
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(0, await database.PendingOutboxAsync());
    }
}
