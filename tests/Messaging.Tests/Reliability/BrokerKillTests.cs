using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Studios.Launchers;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Support;
using Studios.Testing;
using Xunit.Abstractions;

namespace Studios.Messaging.Tests.Reliability;

/// <summary>The broker dies (kill -9) in the middle of a burst and comes back: the relay and the consumer reconnect by
/// themselves and every event is applied once.</summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilityCollection.Name)]
public sealed class BrokerKillTests(ITestOutputHelper output)
{
    private const int Burst = 5_000;

    // The kill once left a receive endpoint stalled for good in about one run of 35 (docs/messaging.md, "Why a broker
    // crash stalled it"); the defaults apply here, and a stalled endpoint fails the run.
    [Fact]
    public async Task Killing_the_broker_during_a_burst_loses_nothing_and_applies_nothing_twice()
    {
        await using var rig = await LedgerRig.StartAsync("brokerkill", own: OwnServers.Broker, debugLogs: true);
        var (database, probe, metrics, logs, broker) = (rig.Database, rig.Probe, rig.Metrics, rig.Rig.Logs, rig.Rig.OwnBroker!);
        await using var timeline = new Timeline(database, broker, probe, metrics);
        // BROKERKILL_AFTER=n kills the broker once n events are applied (0: at once), to try other moments.
        var killAfter = int.TryParse(Environment.GetEnvironmentVariable("BROKERKILL_AFTER"), out var n) ? n : Burst / 5;

        try
        {
            var burst = LedgerWriter.RecordAsync(rig.Ledger.Services, Burst);
            await Eventually.TrueAsync(async () => await database.EffectsAsync() >= killAfter, TimeSpan.FromSeconds(120),
                $"{killAfter} events of the burst to be applied before the kill");
            await broker.KillAsync();
            timeline.Note($"killed the broker with {await database.DistinctEffectsAsync()} of {Burst} applied");
            await Task.Delay(TimeSpan.FromSeconds(2)); // the burst goes on into the outbox meanwhile
            await broker.StartAgainAsync();
            timeline.Note("broker started again");
            var ids = await burst;
            timeline.Note("the burst is in the outbox");

            // MassTransit reconnects within 30 s of the broker's return (its retry interval grows to that).
            await Eventually.TrueAsync(() => database.AllAppliedAsync(Burst), TimeSpan.FromSeconds(180),
                "every event of the burst to be applied");
            timeline.Note("every event of the burst applied");
            var tally = await database.TallyAsync(ids, probe.DuplicateDeliveries);
            output.WriteLine(tally.ToString());
            Assert.Equal(0, tally.Lost);
            Assert.Equal(0, tally.DuplicatedEffects);
            await Eventually.TrueAsync(async () => await database.PendingOutboxAsync() == 0, TimeSpan.FromSeconds(30), "every row to be marked sent");
            Assert.Equal(0, metrics.Total("messaging.stalled_endpoints"));
            await timeline.DisposeAsync();
            output.WriteLine(timeline.ToString());
            // MassTransit's warning when a consumer's stop gave up on deliveries after Messaging:StopTimeout (docs/messaging.md).
            output.WriteLine($"consumer stops given up after the stop timeout: {logs.Entries.Count(entry => entry.Message.StartsWith("Consumer stop canceled", StringComparison.Ordinal))}");
            if (Environment.GetEnvironmentVariable("BROKERKILL_LOGS") == "1")
            {
                output.WriteLine(rig.HostLogs());
            }
        }
        catch
        {
            await DumpAsync();
            await timeline.DisposeAsync();
            output.WriteLine(timeline.ToString());
            output.WriteLine(await rig.DescribeAsync());
            throw;
        }
    }

    // BROKERKILL_DUMP=dir: a full dump of this test host when a run fails, for dotnet-dump analyze (dumpasync).
    private async Task DumpAsync()
    {
        var folder = Environment.GetEnvironmentVariable("BROKERKILL_DUMP");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"brokerkill-{DateTime.UtcNow:HHmmss}.dmp");
        using var dump = Process.Start("dotnet-dump", ["collect", "-p", Environment.ProcessId.ToString(), "--type", "Full", "-o", path]);
        await dump.WaitForExitAsync();
        output.WriteLine($"dump: {path} (exit {dump.ExitCode})");
    }

    /// <summary>Notes, and a sample every 2 s from start to end (applied, unsent, queue depth, published), so a stall
    /// shows when it began and which stage stopped.</summary>
    private sealed class Timeline : IAsyncDisposable
    {
        private readonly LedgerDatabase _database;
        private readonly RabbitMqServer _broker;
        private readonly LedgerProbe _probe;
        private readonly MetricRecorder _metrics;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _lines = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;

        public Timeline(LedgerDatabase database, RabbitMqServer broker, LedgerProbe probe, MetricRecorder metrics)
        {
            (_database, _broker, _probe, _metrics) = (database, broker, probe, metrics);
            _sampling = SampleAsync(_stop.Token);
        }

        public void Note(string what)
        {
            lock (_lines) _lines.Add($"{_clock.Elapsed.TotalSeconds,6:0.0} s {DateTime.UtcNow:HH:mm:ss.fff} {what}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }
            await _sampling;
        }

        private async Task SampleAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string sample;
                try
                {
                    var queues = await _broker.QueuesAsync(ct: cancellationToken);
                    sample = $"applied {await _database.DistinctEffectsAsync()}, unsent {await _database.PendingOutboxAsync()}, " +
                             $"published {_metrics.Total("outbox.published")}, failed publishes {_metrics.Total("outbox.publish_failures")}, " +
                             $"delivered {_probe.DistinctDeliveries}; " + string.Join("; ", queues.Where(queue => !queue.Name.EndsWith("_error")));
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    sample = $"(sample failed: {exception.GetType().Name}: {exception.Message})";
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                Note(sample);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public override string ToString()
        {
            lock (_lines) return "timeline:\n" + string.Join('\n', _lines);
        }
    }
}
