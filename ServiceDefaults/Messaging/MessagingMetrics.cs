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
    private readonly Counter<long> _busRestarts;
    private long _pending;
    private double _lagSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StudiosTelemetry.MeterPrefix + "Messaging");
        _published = meter.CreateCounter<long>("outbox.published", "{message}", "Outbox messages published and confirmed by the broker.");
        _publishFailures = meter.CreateCounter<long>("outbox.publish_failures", "{message}", "Outbox publishes that failed and will be retried.");
        _duplicates = meter.CreateCounter<long>("inbox.duplicates", "{message}", "Redelivered messages the inbox recognised and skipped.");
        _faulted = meter.CreateCounter<long>("messaging.faulted", "{message}", "Messages moved to an _error queue after their last retry.");
        _busRestarts = meter.CreateCounter<long>("messaging.bus_restarts", "{restart}",
            "Bus restarts by the watchdog, tagged with what had stalled: receive endpoints' queues (messages ready, none " +
            "received) and/or the outbox relay (every publish failing while the broker answers).");
        meter.CreateObservableGauge("outbox.pending", () => Volatile.Read(ref _pending), "{message}", "Outbox messages not yet published.");
        meter.CreateObservableGauge("outbox.lag", () => Volatile.Read(ref _lagSeconds), "s", "Age of the oldest unpublished outbox message.");
    }

    public long Pending => Volatile.Read(ref _pending);

    internal void Published(int count) => _published.Add(count);
    internal void PublishFailed(int count) => _publishFailures.Add(count);
    internal void DuplicatesSkipped(string consumer, int count) => _duplicates.Add(count, new KeyValuePair<string, object?>("consumer", consumer));
    internal void Faulted(string messageType, string queue) => _faulted.Add(1,
        new KeyValuePair<string, object?>("message.type", messageType), new KeyValuePair<string, object?>("queue", queue));

    internal void BusRestarted(IEnumerable<string> stalled) =>
        _busRestarts.Add(1, new KeyValuePair<string, object?>("stalled", string.Join(",", stalled.Order(StringComparer.Ordinal))));

    internal void Backlog(long pending, TimeSpan lag)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _lagSeconds, lag.TotalSeconds);
    }
}
