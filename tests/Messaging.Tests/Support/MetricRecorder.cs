using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Studios.Messaging.Tests.Support;

/// <summary>Sums the counters of one host (its own IMeterFactory), e.g. messaging.faulted or outbox.published.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricRecorder(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            var tagged = $"{instrument.Name}|{string.Join(",", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}"))}";
            _totals.AddOrUpdate(tagged, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    /// <summary>The counter's total over the measurements tagged exactly <paramref name="tags"/> ("key=value,...", in order).</summary>
    public long Total(string instrument, string tags) => _totals.GetValueOrDefault($"{instrument}|{tags}");

    public void Dispose() => _listener.Dispose();
}
