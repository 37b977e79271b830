using System.Diagnostics.Metrics;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The outbox and inbox instruments: what operators watch to see messages flowing or stuck.</summary>
public sealed class MessagingMetrics
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _faulted;
    private readonly Counter<long> _stalls;
    private readonly Counter<long> _passes;
    private long _pending;
    private double _lagSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StudiosTelemetry.MeterPrefix + "Messaging");
        _published = meter.CreateCounter<long>("outbox.published", "{message}", "Outbox messages published and confirmed by the broker.");
        _publishFailures = meter.CreateCounter<long>("outbox.publish_failures", "{message}", "Outbox publishes that failed and will be retried.");
        _duplicates = meter.CreateCounter<long>("inbox.duplicates", "{message}", "Redelivered messages the inbox recognised and skipped.");
        _faulted = meter.CreateCounter<long>("messaging.faulted", "{message}", "Messages moved to an _error queue after their last retry.");
        _stalls = meter.CreateCounter<long>("messaging.stalled_endpoints", "{stall}",
            "Receive endpoints found stalled (messages ready in their queue, none received, not busy on a live channel), by " +
            "queue; /alive is unhealthy meanwhile, so the orchestrator replaces the process.");
        _passes = meter.CreateCounter<long>("outbox.passes", "{pass}",
            "Passes of the outbox relay's claim and of the outbox cleanup, by outcome: idle (found nothing), worked, failed.");
        meter.CreateObservableGauge("outbox.pending", () => Volatile.Read(ref _pending), "{message}", "Outbox messages not yet published.");
        meter.CreateObservableGauge("outbox.lag", () => Volatile.Read(ref _lagSeconds), "s", "Age of the oldest unpublished outbox message.");
    }

    public long Pending => Volatile.Read(ref _pending);

    internal void Published(int count) => _published.Add(count);
    internal void PublishFailed(int count) => _publishFailures.Add(count);
    internal void DuplicatesSkipped(string consumer, int count) => _duplicates.Add(count, new KeyValuePair<string, object?>("consumer", consumer));
    internal void Faulted(string messageType, string queue) => _faulted.Add(1,
        new KeyValuePair<string, object?>("message.type", messageType), new KeyValuePair<string, object?>("queue", queue));

    public const string Idle = "idle", Worked = "worked", Failed = "failed";

    internal void Stalled(string queue) => _stalls.Add(1, new KeyValuePair<string, object?>("queue", queue));

    internal void RelayPass(string outcome) => Pass("relay", outcome);

    internal void CleanupPass(string outcome) => Pass("cleanup", outcome);

    private void Pass(string pass, string outcome) =>
        _passes.Add(1, new KeyValuePair<string, object?>("pass", pass), new KeyValuePair<string, object?>("outcome", outcome));

    internal void Backlog(long pending, TimeSpan lag)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _lagSeconds, lag.TotalSeconds);
    }
}
