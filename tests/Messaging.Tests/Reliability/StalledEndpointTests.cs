using System.Net;
using RabbitMQ.Client;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>A receive endpoint stops consuming without MassTransit noticing: the stall detector reports it (log, metric,
/// /alive unhealthy) and repairs nothing; the orchestrator's answer, a new process, applies every event once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class StalledEndpointTests(ITestOutputHelper output)
{
    private const int Stream = 5_000;

    [Fact]
    public async Task A_stalled_endpoint_is_reported_on_alive_and_a_new_instance_applies_everything()
    {
        var settings = new Dictionary<string, string?> { ["Messaging:StallAfter"] = "00:00:05" };
        await using var rig = await LedgerRig.StartAsync("stalledendpoint", new Ledger.LedgerProbe { ConsumeDelay = TimeSpan.FromMilliseconds(2) }, settings);
        var (database, probe) = (rig.Database, rig.Probe);
        var ids = await LedgerWriter.RecordAsync(rig.Ledger.Services, Stream);
        await Eventually.TrueAsync(async () => await database.EffectsAsync() >= Stream / 10, TimeSpan.FromSeconds(60),
            "a tenth of the stream to be applied first");

        await probe.CancelConsumerSilentlyAsync();
        var queue = probe.LastQueue!;
        // The stall is real: messages wait in the queue and nothing consumes them, while MassTransit sees nothing wrong.
        // (asked over AMQP: the management API's figures lag by seconds)
        await using var connection = await new ConnectionFactory { Uri = new Uri(rig.Rig.MessagingConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var stalled = await channel.QueueDeclarePassiveAsync(queue);
        var stalledAt = await database.DistinctEffectsAsync();
        output.WriteLine($"consumer cancelled behind MassTransit's back with {stalledAt} of {Stream} applied; " +
                         $"{queue}: {stalled.MessageCount} ready, {stalled.ConsumerCount} consumers");
        Assert.Equal(0u, stalled.ConsumerCount);
        Assert.True(stalled.MessageCount > 0, "messages wait in the queue");

        using var client = rig.Ledger.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/alive")).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(60), "/alive to report the stalled endpoint");
        Assert.Equal(1, rig.Metrics.Total("messaging.stalled_endpoints"));
        Assert.Contains(rig.Rig.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Error
                                                       && entry.Message.Contains(queue) && entry.Message.Contains("stalled"));
        Assert.True(await database.DistinctEffectsAsync() < Stream, "nothing repaired the endpoint in-process");

        // What the orchestrator does when /alive fails: the process is replaced.
        await rig.Ledger.DisposeAsync();
        await using var replacement = await rig.StartAnotherAsync();
        await Eventually.TrueAsync(() => database.AllAppliedAsync(Stream), TimeSpan.FromSeconds(90), "every event to be applied by the new instance");
        var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
        output.WriteLine(tally.ToString());
        Assert.Equal(0, tally.Lost);
        Assert.Equal(0, tally.DuplicatedEffects);
        Assert.Equal(HttpStatusCode.OK, (await replacement.CreateClient().GetAsync("/alive")).StatusCode);
    }
}
