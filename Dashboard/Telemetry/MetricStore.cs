namespace Studios.Dashboard.Telemetry;

/// <summary>Metric series per resource → meter → instrument → attribute set, each a bounded series of points.</summary>
public sealed class MetricStore(int maxPointsPerSeries, int maxSeriesPerInstrument)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ResourceNode> resources = new(StringComparer.Ordinal);

    public void Add(TelemetryResource resource, string meter, InstrumentDescriptor descriptor,
        IEnumerable<(IReadOnlyDictionary<string, string> Attributes, MetricPoint Point)> points)
    {
        lock (gate)
        {
            if (!resources.TryGetValue(resource.Id, out var node))
            {
                node = new ResourceNode(resource);
                resources[resource.Id] = node;
            }
            var key = (meter, descriptor.Name);
            if (!node.Instruments.TryGetValue(key, out var instrument))
            {
                instrument = new InstrumentNode(descriptor);
                node.Instruments[key] = instrument;
            }
            instrument.Descriptor = descriptor;
            foreach (var (attributes, point) in points)
            {
                var seriesKey = string.Join('\u001f', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
                if (!instrument.Series.TryGetValue(seriesKey, out var series))
                {
                    if (instrument.Series.Count >= maxSeriesPerInstrument)
                    {
                        continue;
                    }
                    series = new MetricSeries(attributes, maxPointsPerSeries);
                    instrument.Series[seriesKey] = series;
                }
                series.Add(point);
            }
        }
    }

    public IReadOnlyList<MetricResourceView> Tree()
    {
        lock (gate)
        {
            return resources.Values
                .OrderBy(r => r.Resource.Id, StringComparer.Ordinal)
                .Select(r => new MetricResourceView(
                    r.Resource.Id,
                    r.Resource.ServiceName,
                    r.Instruments
                        .GroupBy(i => i.Key.Meter)
                        .OrderBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => new MeterView(g.Key, g.Select(i => i.Value.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray()))
                        .ToArray()))
                .ToArray();
        }
    }

    /// <summary>One instrument's series; resource is a resource id or, when only one instance sent it, a service name.</summary>
    public InstrumentView? Instrument(string resource, string meter, string name)
    {
        lock (gate)
        {
            var node = resources.TryGetValue(resource, out var exact)
                ? exact
                : resources.Values.FirstOrDefault(r => r.Resource.Matches(resource));
            if (node is null || !node.Instruments.TryGetValue((meter, name), out var instrument))
            {
                return null;
            }
            var series = instrument.Series.Values.Select(s => s.View(instrument.Descriptor)).ToArray();
            return new InstrumentView(node.Resource.Id, meter, instrument.Descriptor, series);
        }
    }

    private sealed class ResourceNode(TelemetryResource resource)
    {
        public TelemetryResource Resource { get; } = resource;
        public Dictionary<(string Meter, string Name), InstrumentNode> Instruments { get; } = new();
    }

    private sealed class InstrumentNode(InstrumentDescriptor descriptor)
    {
        public InstrumentDescriptor Descriptor { get; set; } = descriptor;
        public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
    }
}
