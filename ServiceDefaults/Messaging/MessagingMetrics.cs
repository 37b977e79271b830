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
    private readonly Counter<long> _endpointRestarts;
    private long _pending;
    private double _lagSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StudiosTelemetry.MeterPrefix + "Messaging");
        _published = meter.CreateCounter<long>("outbox.published", "{message}", "Outbox messages published and confirmed by the broker.");
        _publishFailures = meter.CreateCounter<long>("outbox.publish_failures", "{message}", "Outbox publishes that failed and will be retried.");
        _duplicates = meter.CreateCounter<long>("inbox.duplicates", "{message}", "Redelivered messages the inbox recognised and skipped.");
        _faulted = meter.CreateCounter<long>("messaging.faulted", "{message}", "Messages moved to an _error queue after their last retry.");
        _endpointRestarts = meter.CreateCounter<long>("messaging.endpoint_restarts", "{endpoint}",
            "Receive endpoints found stalled (messages ready, none received) and reconnected by restarting the bus.");
        meter.CreateObservableGauge("outbox.pending", () => Volatile.Read(ref _pending), "{message}", "Outbox messages not yet published.");
        meter.CreateObservableGauge("outbox.lag", () => Volatile.Read(ref _lagSeconds), "s", "Age of the oldest unpublished outbox message.");
    }

    public long Pending => Volatile.Read(ref _pending);

    internal void Published(int count) => _published.Add(count);
    internal void PublishFailed(int count) => _publishFailures.Add(count);
    internal void DuplicatesSkipped(string consumer, int count) => _duplicates.Add(count, new KeyValuePair<string, object?>("consumer", consumer));
    internal void Faulted(string messageType, string queue) => _faulted.Add(1,
        new KeyValuePair<string, object?>("message.type", messageType), new KeyValuePair<string, object?>("queue", queue));

    internal void EndpointsRestarted(IEnumerable<string> queues)
    {
        foreach (var queue in queues)
        {
            _endpointRestarts.Add(1, new KeyValuePair<string, object?>("queue", queue));
        }
    }

    internal void Backlog(long pending, TimeSpan lag)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _lagSeconds, lag.TotalSeconds);
    }
}
