using Google.Protobuf.Collections;
using Studios.Dashboard.Otlp.Proto.Collector.Logs;
using Studios.Dashboard.Otlp.Proto.Collector.Metrics;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;
using Studios.Dashboard.Otlp.Proto.Common;
using Studios.Dashboard.Otlp.Proto.Metrics;
using Studios.Dashboard.Otlp.Proto.Trace;
using ProtoResource = Studios.Dashboard.Otlp.Proto.Resource.Resource;

namespace Studios.Dashboard.Otlp;

/// <summary>Turns OTLP export requests (from HTTP or gRPC alike) into the store's records.</summary>
public sealed class OtlpIngest(TelemetryStore store)
{
    public void Add(ExportTraceServiceRequest request)
    {
        var spans = new List<SpanRecord>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = Resource(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? "";
                foreach (var span in scopeSpans.Spans)
                {
                    if (OtlpValues.HexId(span.TraceId) is not { } traceId || OtlpValues.HexId(span.SpanId) is not { } spanId)
                    {
                        continue;
                    }
                    spans.Add(new SpanRecord
                    {
                        TraceId = traceId,
                        SpanId = spanId,
                        ParentSpanId = OtlpValues.HexId(span.ParentSpanId),
                        Name = span.Name,
                        Kind = Kind(span.Kind),
                        Start = OtlpValues.Time(span.StartTimeUnixNano),
                        End = OtlpValues.Time(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
                        Status = span.Status?.Code switch
                        {
                            Status.Types.StatusCode.Ok => "Ok",
                            Status.Types.StatusCode.Error => "Error",
                            _ => "Unset",
                        },
                        StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
                        Resource = resource,
                        Scope = scope,
                        Attributes = OtlpValues.Attributes(span.Attributes),
                        Events = span.Events
                            .Select(e => new SpanEvent(e.Name, OtlpValues.Time(e.TimeUnixNano), OtlpValues.Attributes(e.Attributes)))
                            .ToArray(),
                        Links = span.Links
                            .Select(l => new SpanLink(OtlpValues.HexId(l.TraceId) ?? "", OtlpValues.HexId(l.SpanId) ?? "", OtlpValues.Attributes(l.Attributes)))
                            .ToArray(),
                    });
                }
            }
        }
        if (spans.Count > 0)
        {
            store.Traces.Add(spans);
            store.Changes.Publish(TelemetryKinds.Traces);
        }
    }

    public void Add(ExportLogsServiceRequest request)
    {
        var entries = new List<LogEntry>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = Resource(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? "";
                foreach (var record in scopeLogs.LogRecords)
                {
                    var number = (int)record.SeverityNumber;
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    entries.Add(new LogEntry
                    {
                        Timestamp = time != 0 ? OtlpValues.Time(time) : DateTimeOffset.UtcNow,
                        SeverityNumber = number,
                        Severity = Severity.Name(number, record.SeverityText),
                        Message = OtlpValues.Text(record.Body),
                        Resource = resource,
                        Scope = scope,
                        TraceId = OtlpValues.HexId(record.TraceId),
                        SpanId = OtlpValues.HexId(record.SpanId),
                        Attributes = OtlpValues.Attributes(record.Attributes),
                    });
                }
            }
        }
        if (entries.Count > 0)
        {
            store.Logs.Add(entries);
            store.Changes.Publish(TelemetryKinds.Logs);
        }
    }

    public void Add(ExportMetricsServiceRequest request)
    {
        var any = false;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = Resource(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var meter = scopeMetrics.Scope?.Name ?? "";
                foreach (var metric in scopeMetrics.Metrics)
                {
                    any |= AddMetric(resource, meter, metric);
                }
            }
        }
        if (any)
        {
            store.Changes.Publish(TelemetryKinds.Metrics);
        }
    }

    private bool AddMetric(TelemetryResource resource, string meter, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                store.Metrics.Add(resource, meter, Descriptor(metric, "Gauge"), Numbers(metric.Gauge.DataPoints));
                return true;
            case Metric.DataOneofCase.Sum:
                store.Metrics.Add(resource, meter,
                    Descriptor(metric, "Sum", metric.Sum.IsMonotonic, metric.Sum.AggregationTemporality),
                    Numbers(metric.Sum.DataPoints));
                return true;
            case Metric.DataOneofCase.Histogram:
                store.Metrics.Add(resource, meter,
                    Descriptor(metric, "Histogram", false, metric.Histogram.AggregationTemporality),
                    metric.Histogram.DataPoints.Select(p => ((IReadOnlyDictionary<string, string>)OtlpValues.Attributes(p.Attributes), new MetricPoint
                    {
                        Time = OtlpValues.Time(p.TimeUnixNano),
                        StartTime = OtlpValues.Time(p.StartTimeUnixNano),
                        Count = p.Count,
                        Sum = p.HasSum ? p.Sum : null,
                        Min = p.HasMin ? p.Min : null,
                        Max = p.HasMax ? p.Max : null,
                        Bounds = p.ExplicitBounds.ToArray(),
                        BucketCounts = p.BucketCounts.ToArray(),
                    })));
                return true;
            case Metric.DataOneofCase.ExponentialHistogram:
                store.Metrics.Add(resource, meter,
                    Descriptor(metric, "Histogram", false, metric.ExponentialHistogram.AggregationTemporality),
                    metric.ExponentialHistogram.DataPoints.Select(p => ((IReadOnlyDictionary<string, string>)OtlpValues.Attributes(p.Attributes), ExponentialBuckets.ToExplicit(p))));
                return true;
            default:
                // Summaries are legacy (Prometheus-style) and not sent by the .NET SDK: not shown.
                return false;
        }
    }

    private static IEnumerable<(IReadOnlyDictionary<string, string>, MetricPoint)> Numbers(RepeatedField<NumberDataPoint> points) =>
        points.Select(p => ((IReadOnlyDictionary<string, string>)OtlpValues.Attributes(p.Attributes), new MetricPoint
        {
            Time = OtlpValues.Time(p.TimeUnixNano),
            StartTime = OtlpValues.Time(p.StartTimeUnixNano),
            Value = p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble,
        }));

    private static InstrumentDescriptor Descriptor(Metric metric, string type, bool monotonic = false,
        AggregationTemporality temporality = AggregationTemporality.Cumulative) =>
        new(metric.Name, metric.Description, metric.Unit, type, monotonic,
            temporality == AggregationTemporality.Delta ? "Delta" : "Cumulative");

    private TelemetryResource Resource(ProtoResource? resource)
    {
        var attributes = resource is null ? [] : OtlpValues.Attributes(resource.Attributes);
        var name = attributes.GetValueOrDefault("service.name");
        return store.Resource(
            string.IsNullOrEmpty(name) ? "unknown_service" : name,
            attributes.GetValueOrDefault("service.instance.id") ?? "",
            attributes);
    }

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Internal => "Internal",
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Unspecified",
    };
}
