using System.Collections.Concurrent;

namespace Studios.Dashboard.Telemetry;

/// <summary>Everything the dashboard received over OTLP, in memory and bounded, with a feed of changes for live pages.</summary>
public sealed class TelemetryStore(DashboardOptions options)
{
    private readonly ConcurrentDictionary<(string, string), TelemetryResource> resources = new();

    public TraceStore Traces { get; } = new(options.MaxTraces, options.MaxSpansPerTrace);
    public LogStore Logs { get; } = new(options.MaxLogRecords);
    public MetricStore Metrics { get; } = new(options.MaxPointsPerSeries, options.MaxSeriesPerInstrument);
    public ChangeFeed Changes { get; } = new();

    /// <summary>The one resource for a service.name + service.instance.id; its attributes are the latest sent.</summary>
    public TelemetryResource Resource(string serviceName, string instanceId, IReadOnlyDictionary<string, string> attributes) =>
        resources.AddOrUpdate(
            (serviceName, instanceId),
            _ => new TelemetryResource(serviceName, instanceId, attributes),
            (_, existing) => existing.Attributes.Count == attributes.Count && !attributes.Except(existing.Attributes).Any()
                ? existing
                : new TelemetryResource(serviceName, instanceId, attributes));

    /// <summary>Every resource that sent telemetry, for the pages' filters.</summary>
    public IReadOnlyList<TelemetryResource> Resources() =>
        resources.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
}
