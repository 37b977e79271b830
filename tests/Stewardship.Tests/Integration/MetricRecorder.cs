using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Records the measurements of one service host's meter (matched by the host's IMeterFactory, so other hosts
/// in the test process do not count): counters add up, gauges keep their last observation.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _counters = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), long> _gauges = new();

    public MetricRecorder(IMeterFactory scope, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = (instrument.Name, string.Join(",", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}")));
            if (instrument is ObservableGauge<long>) _gauges[key] = value;
            else _counters.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The counter's total for measurements tagged <paramref name="tags"/> ("key=value", empty for none).</summary>
    public long Counter(string instrument, string tags = "") => _counters.GetValueOrDefault((instrument, tags));

    /// <summary>The counter's total over all its tags.</summary>
    public long CounterTotal(string instrument) => _counters.Where(entry => entry.Key.Instrument == instrument).Sum(entry => entry.Value);

    /// <summary>Observes the gauges now and returns the value tagged <paramref name="tags"/>.</summary>
    public long? Gauge(string instrument, string tags)
    {
        _listener.RecordObservableInstruments();
        return _gauges.TryGetValue((instrument, tags), out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();
}
