using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Studios.Testing.Telemetry;

/// <summary>Records the measurements of one service host's meter (matched by the host's IMeterFactory, so other hosts
/// in the test process do not count): counters add up, histograms keep every value, gauges keep their last observation.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measured = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _gauges = new();

    /// <param name="services">The host's services (a WebApplicationFactory's Services).</param>
    /// <param name="meterName">The meter to record, e.g. "Studios.Stewardship".</param>
    public MetricRecorder(IServiceProvider services, string meterName)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument is ObservableGauge<long>) _gauges[(instrument.Name, Join(tags.ToArray()))] = value;
            else _measured.Enqueue((instrument.Name, value, tags.ToArray()));
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _measured.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The counter's total for measurements tagged exactly <paramref name="tags"/> ("key=value,...", empty for none).</summary>
    public long Counter(string instrument, string tags = "") =>
        (long)_measured.Where(m => m.Instrument == instrument && Join(m.Tags) == tags).Sum(m => m.Value);

    /// <summary>The counter's total over the measurements that carry <paramref name="tag"/> = <paramref name="value"/>
    /// (all of them when no tag is given).</summary>
    public long Sum(string instrument, string? tag = null, object? value = null) =>
        (long)_measured.Where(m => m.Instrument == instrument
                && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))))
            .Sum(m => m.Value);

    /// <summary>Every value recorded by a histogram (or counter), in order.</summary>
    public IReadOnlyList<double> Values(string instrument) =>
        _measured.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    /// <summary>Observes the gauges now and returns the value tagged <paramref name="tags"/>.</summary>
    public long? Gauge(string instrument, string tags = "")
    {
        _listener.RecordObservableInstruments();
        return _gauges.TryGetValue((instrument, tags), out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();

    private static string Join(IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Join(",", tags.Select(tag => $"{tag.Key}={tag.Value}"));
}
