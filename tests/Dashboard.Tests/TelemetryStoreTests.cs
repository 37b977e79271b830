using Studios.Dashboard.Otlp;
using Studios.Dashboard.Otlp.Proto.Collector.Metrics;
using Studios.Dashboard.Otlp.Proto.Common;
using Studios.Dashboard.Otlp.Proto.Logs;
using Studios.Dashboard.Otlp.Proto.Metrics;
using static Studios.Dashboard.Tests.OtlpPayloads;
using ProtoResource = Studios.Dashboard.Otlp.Proto.Resource.Resource;

namespace Studios.Dashboard.Tests;

/// <summary>The in-memory store: bounded everywhere, filters and order as the pages use them.</summary>
public sealed class TelemetryStoreTests
{
    private static (TelemetryStore Store, OtlpIngest Ingest) NewStore(Action<DashboardOptions>? configure = null)
    {
        var options = new DashboardOptions();
        configure?.Invoke(options);
        var store = new TelemetryStore(options);
        return (store, new OtlpIngest(store));
    }

    [Fact]
    public void The_trace_buffer_keeps_only_the_newest_traces()
    {
        var (store, ingest) = NewStore(o => o.MaxTraces = 3);
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 5).Select(_ => NewTraceId()).ToArray();

        for (var i = 0; i < ids.Length; i++)
        {
            ingest.Add(Spans("membership", Span(ids[i], NewSpanId(), $"request {i}", start.AddSeconds(i), 10)));
        }

        Assert.Equal(3, store.Traces.Count);
        Assert.Null(store.Traces.Find(ids[0]));
        Assert.Null(store.Traces.Find(ids[1]));
        var page = store.Traces.Query(new TraceQuery());
        Assert.Equal([ids[4], ids[3], ids[2]], page.Items.Select(t => t.TraceId));
    }

    [Fact]
    public void Spans_arriving_later_join_their_trace_up_to_the_per_trace_limit()
    {
        var (store, ingest) = NewStore(o => o.MaxSpansPerTrace = 3);
        var traceId = NewTraceId();
        var root = NewSpanId();
        var start = DateTimeOffset.UtcNow;

        ingest.Add(Spans("stewardship", Span(traceId, root, "POST /studios/{id}/approve", start, 100)));
        ingest.Add(Spans("membership", Span(traceId, NewSpanId(), "consume StudioApproved", start.AddMilliseconds(40), 20, root, Otlp.Proto.Trace.Span.Types.SpanKind.Consumer)));
        ingest.Add(Spans("scheduling",
            Span(traceId, NewSpanId(), "consume StudioApproved", start.AddMilliseconds(50), 80, root, Otlp.Proto.Trace.Span.Types.SpanKind.Consumer),
            Span(traceId, NewSpanId(), "one too many", start.AddMilliseconds(60), 1, root)));

        var trace = store.Traces.Find(traceId)!;
        Assert.Equal(3, trace.Spans.Count);
        Assert.Equal(["stewardship", "membership", "scheduling"], trace.Summary.Services);
        Assert.Equal("POST /studios/{id}/approve", trace.Summary.Name);
        Assert.Equal(130, trace.Summary.DurationMs, 3);
    }

    [Fact]
    public void Traces_filter_by_resource_name_duration_and_errors_and_page_newest_first()
    {
        var (store, ingest) = NewStore();
        var start = DateTimeOffset.UtcNow;
        ingest.Add(Spans("membership", Span(NewTraceId(), NewSpanId(), "GET /people", start, 5)));
        ingest.Add(Spans("membership", Span(NewTraceId(), NewSpanId(), "POST /people", start.AddSeconds(1), 500, error: true)));
        ingest.Add(Spans("scheduling", Span(NewTraceId(), NewSpanId(), "GET /sessions", start.AddSeconds(2), 50)));

        Assert.Equal(2, store.Traces.Query(new TraceQuery(Resource: "membership")).Total);
        Assert.Equal(2, store.Traces.Query(new TraceQuery(Resource: "membership/membership-1")).Total);
        Assert.Equal("GET /sessions", Assert.Single(store.Traces.Query(new TraceQuery(Name: "sessions")).Items).Name);
        Assert.Equal(2, store.Traces.Query(new TraceQuery(MinDurationMs: 50)).Total);
        Assert.Equal("POST /people", Assert.Single(store.Traces.Query(new TraceQuery(ErrorsOnly: true)).Items).Name);
        var second = store.Traces.Query(new TraceQuery(Offset: 1, Limit: 1));
        Assert.Equal(3, second.Total);
        Assert.Equal("POST /people", Assert.Single(second.Items).Name);
    }

    [Fact]
    public void The_log_buffer_keeps_only_the_newest_records_and_filters_by_level_text_and_trace()
    {
        var (store, ingest) = NewStore(o => o.MaxLogRecords = 4);
        var traceId = NewTraceId();
        ingest.Add(Logs("membership",
            Log("oldest, pushed out"),
            Log("person registered"),
            Log("waitlist is long", SeverityNumber.Warn),
            Log("join failed", SeverityNumber.Error, traceId),
            Log("debugging", SeverityNumber.Debug)));

        Assert.Equal(4, store.Logs.Count);
        var all = store.Logs.Query(new LogQuery());
        Assert.Equal(["debugging", "join failed", "waitlist is long", "person registered"], all.Items.Select(e => e.Message));
        Assert.Equal(["join failed", "waitlist is long"], store.Logs.Query(new LogQuery(MinSeverity: "Warning")).Items.Select(e => e.Message));
        Assert.Equal("join failed", Assert.Single(store.Logs.Query(new LogQuery(TraceId: traceId.ToUpperInvariant())).Items).Message);
        Assert.Equal("waitlist is long", Assert.Single(store.Logs.Query(new LogQuery(Text: "WAITLIST")).Items).Message);
        Assert.Empty(store.Logs.Query(new LogQuery(Resource: "scheduling")).Items);
        var newest = all.Items[0].Id;
        ingest.Add(Logs("membership", Log("after")));
        Assert.Equal("after", Assert.Single(store.Logs.Query(new LogQuery(AfterId: newest)).Items).Message);
    }

    [Fact]
    public void A_metric_series_keeps_a_bounded_number_of_points_and_an_instrument_a_bounded_number_of_series()
    {
        var (store, ingest) = NewStore(o => { o.MaxPointsPerSeries = 5; o.MaxSeriesPerInstrument = 2; });
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 8; i++)
        {
            ingest.Add(Gauge("outbox.lag", start.AddSeconds(i), ("queue", "a", i), ("queue", "b", i * 10), ("queue", "c", i * 100)));
        }

        var view = store.Metrics.Instrument("membership", "Studios.Messaging", "outbox.lag")!;
        Assert.Equal(2, view.Series.Count);
        var a = view.Series.Single(s => s.Attributes["queue"] == "a");
        Assert.Equal([3d, 4, 5, 6, 7], a.Points.Select(p => p.Value!.Value));
        Assert.Equal("Gauge", view.Instrument.Type);
    }

    [Fact]
    public void Cumulative_histogram_points_chart_the_percentiles_of_each_interval()
    {
        var (store, ingest) = NewStore();
        var start = DateTimeOffset.UtcNow;
        double[] bounds = [10, 100];
        ingest.Add(Histogram("http.server.request.duration", start, start.AddSeconds(10), bounds, [10, 0, 0], max: 9));
        ingest.Add(Histogram("http.server.request.duration", start, start.AddSeconds(20), bounds, [10, 10, 0], max: 90));

        var series = Assert.Single(store.Metrics.Instrument("membership", "Studios.Messaging", "http.server.request.duration")!.Series);

        // The first interval: 10 values in (0, 10], the recorded max of 9 bounding the bucket.
        Assert.Equal(4.5, series.Points[0].P50!.Value, 6);
        // The second interval holds only the 10 new values in (10, 100]: its median is that bucket's middle.
        Assert.Equal(50, series.Points[1].P50!.Value, 6);
        // Overall, 20 values: the median sits on the first bucket's upper bound.
        Assert.Equal(10, series.Overall!.P50, 6);
    }

    private static ExportMetricsServiceRequest Gauge(string name, DateTimeOffset time, params (string Key, string Value, double Number)[] points) =>
        Metrics(new Metric
        {
            Name = name,
            Gauge = new Gauge
            {
                DataPoints =
                {
                    points.Select(p => new NumberDataPoint
                    {
                        TimeUnixNano = Nanos(time),
                        AsDouble = p.Number,
                        Attributes = { new KeyValue { Key = p.Key, Value = new AnyValue { StringValue = p.Value } } },
                    }),
                },
            },
        });

    private static ExportMetricsServiceRequest Histogram(string name, DateTimeOffset start, DateTimeOffset time, double[] bounds, ulong[] counts, double max) =>
        Metrics(new Metric
        {
            Name = name,
            Unit = "ms",
            Histogram = new Histogram
            {
                AggregationTemporality = AggregationTemporality.Cumulative,
                DataPoints =
                {
                    new HistogramDataPoint
                    {
                        StartTimeUnixNano = Nanos(start),
                        TimeUnixNano = Nanos(time),
                        Count = (ulong)counts.Sum(c => (long)c),
                        ExplicitBounds = { bounds },
                        BucketCounts = { counts },
                        Max = max,
                    },
                },
            },
        });

    private static ExportMetricsServiceRequest Metrics(Metric metric) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = new ProtoResource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "membership" } } } },
                ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = "Studios.Messaging" }, Metrics = { metric } } },
            },
        },
    };
}
