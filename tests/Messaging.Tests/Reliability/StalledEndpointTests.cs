using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>Parts of the bus stall without MassTransit noticing, as after a broker crash that never reached them: the bus
/// watchdog finds them and restarts the bus, and every event is applied once.</summary>
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
                ["Messaging:WatchdogInterval"] = "00:00:01",
                ["Messaging:StallAfter"] = "00:00:05",
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
        Assert.True(metrics.Total("messaging.bus_restarts") >= 1, "the watchdog restarted the stalled endpoint");
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(0, await database.PendingOutboxAsync());
    }

    [Fact]
    public async Task The_watchdog_reconnects_an_endpoint_whose_channel_was_never_told_the_connection_died()
    {
        await using var env = await TestEnvironment.CreateAsync("untoldchannel", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        var probe = new LedgerProbe();
        var logs = new LogCollector(LogLevel.Debug);
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            probe, logs, LedgerHost.WithMassTransitDebugLogs(new Dictionary<string, string?>
            {
                ["Messaging:WatchdogInterval"] = "00:00:01",
                ["Messaging:StallAfter"] = "00:00:05",
            }));
        using var metrics = new MetricRecorder(ledger.Services);
        // One of each event, so both of Ledger's endpoints have shown their channel.
        var recorded = (await LedgerWriter.RecordAsync(ledger.Services, 1)).ToList();
        var imported = (await LedgerWriter.ImportAsync(ledger.Services, 1)).ToList();
        await Eventually.TrueAsync(async () => await database.AllAppliedAsync(1) && await database.AllAppliedAsync(1, LedgerDatabase.ImportedEffects),
            TimeSpan.FromSeconds(30), "the first two events to be applied");
        var queues = probe.QueuesByChannelAge();
        Assert.Equal(2, queues.Count);
        var (older, younger) = (queues[0], queues[1]);

        // The younger endpoint also holds a delivery stuck on I/O (until MassTransit's ConsumerStopTimeout cancels it),
        // as an acknowledgement on the dead connection: it is in flight on a closed channel, and the bus's stop must wait it out.
        var hung = younger.EndsWith("imported", StringComparison.Ordinal)
            ? await LedgerWriter.ImportAsync(ledger.Services, 1, note: LedgerProbe.Stuck)
            : await LedgerWriter.RecordAsync(ledger.Services, 1, note: LedgerProbe.Stuck);
        (younger.EndsWith("imported", StringComparison.Ordinal) ? imported : recorded).AddRange(hung);
        await Eventually.TrueAsync(() => probe.Hanging > 0, TimeSpan.FromSeconds(30), $"a delivery on {younger} to be stuck");

        try
        {
            // The older channel's shutdown hangs, so the younger one is never told that the connection died.
            using (probe.HangChannelShutdown(older))
            {
                // (the management API lists a new connection only after its next statistics round)
                await Eventually.TrueAsync(async () => await env.Servers.RabbitMq.CloseConnectionsAsync(env.VirtualHost, clientName: LedgerHost.Database) > 0,
                    TimeSpan.FromSeconds(30), "Ledger's broker connection to be closed by the broker");
                recorded.AddRange(await LedgerWriter.RecordAsync(ledger.Services, Stream / 2));
                imported.AddRange(await LedgerWriter.ImportAsync(ledger.Services, Stream / 2));

                // The stall is real: the older endpoint reconnects, the younger one never does (MassTransit would within a
                // second or two), and the relay's publishes on the never-told publish channel time out.
                await using var connection = await new ConnectionFactory { Uri = env.MessagingUri }.CreateConnectionAsync();
                async Task<uint> ConsumersAsync(string queue)
                {
                    await using var channel = await connection.CreateChannelAsync();
                    return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
                }
                await Eventually.TrueAsync(async () => await ConsumersAsync(older) == 1, TimeSpan.FromSeconds(20), $"{older} to be consumed again");
                Assert.Equal(0u, await ConsumersAsync(younger));

                await Eventually.TrueAsync(() => logs.Entries.Any(entry => entry.Message == "The bus restarted"),
                    TimeSpan.FromSeconds(150), "the watchdog to restart the bus");
                probe.ReleaseHung(); // the stuck delivery is redelivered on the new channel: it must not be stuck again
                // Until the watchdog stopped the bus, MassTransit was never told that the younger endpoint's channel was gone.
                var beforeRestart = logs.Entries.TakeWhile(entry => !entry.Message.StartsWith("Stopping bus", StringComparison.Ordinal)).ToList();
                Assert.Contains(beforeRestart, entry => entry.Message.StartsWith("Channel Shutdown", StringComparison.Ordinal) && entry.Message.Contains(older));
                Assert.DoesNotContain(beforeRestart, entry => entry.Message.StartsWith("Channel Shutdown", StringComparison.Ordinal) && entry.Message.Contains(younger));
                output.WriteLine($"{younger} stalled behind {older}'s hung channel shutdown");
                await Eventually.TrueAsync(async () => await database.AllAppliedAsync(recorded.Count)
                        && await database.AllAppliedAsync(imported.Count, LedgerDatabase.ImportedEffects),
                    TimeSpan.FromSeconds(60), "every event to be applied after the watchdog's restart");
            }
        }
        catch
        {
            output.WriteLine(Describe(logs));
            throw;
        }
        Assert.True(metrics.Total("messaging.bus_restarts") >= 1, "the watchdog restarted the bus");
        foreach (var entry in logs.Entries.Where(entry => entry.Category.EndsWith(".BusWatchdog", StringComparison.Ordinal)))
        {
            output.WriteLine(entry.ToString());
        }
        foreach (var (ids, table) in new[] { (recorded, LedgerDatabase.Effects), (imported, LedgerDatabase.ImportedEffects) })
        {
            var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries, table);
            output.WriteLine($"{table}: {tally}");
            Assert.Equal(0, tally.Lost);
            Assert.Equal(0, tally.DuplicatedEffects);
        }
    }

    /// <summary>The host's logs without the per-message lines: what explains a stall.</summary>
    private static string Describe(LogCollector logs) =>
        string.Join('\n', logs.Entries.Where(entry => !entry.IsPerMessage).Select(entry => entry.ToString()));
}
