using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Studios.Dashboard.Tests;

/// <summary>The OpenTelemetry .NET SDK's own OTLP exporter, over gRPC and over HTTP/protobuf, is what services use:
/// what it sends must come back out of the JSON API.</summary>
public sealed class OtlpExporterTests
{
    public static TheoryData<OtlpExportProtocol> Protocols => new() { OtlpExportProtocol.Grpc, OtlpExportProtocol.HttpProtobuf };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Spans_from_the_sdk_exporter_come_back_as_a_trace_with_kind_attributes_events_and_status(OtlpExportProtocol protocol)
    {
        await using var host = await DashboardHost.StartAsync();
        var source = new ActivitySource("Tests.Traces." + protocol);
        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("membership", serviceInstanceId: "membership-7"))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o => Exporter(o, host, protocol, "/v1/traces"))
                   .Build())
        {
            using (var request = source.StartActivity("POST /studios/{id}/members", ActivityKind.Server)!)
            {
                traceId = request.TraceId.ToHexString();
                request.SetTag("http.request.method", "POST");
                request.SetTag("studio.id", 42);
                using (var query = source.StartActivity("INSERT studio_members", ActivityKind.Client)!)
                {
                    query.SetTag("db.system", "postgresql");
                    query.AddEvent(new ActivityEvent("row inserted", tags: new ActivityTagsCollection { ["rows"] = 1 }));
                    query.SetStatus(ActivityStatusCode.Error, "unique violation");
                }
            }
            Assert.True(tracing.ForceFlush(10_000));
        }

        var trace = await DashboardHost.EventuallyAsync(
            () => host.GetOrNullAsync<TraceDetail>($"/api/traces/{traceId}"), t => t?.Spans.Count == 2, "the trace's two spans");

        Assert.NotNull(trace);
        Assert.Equal(2, trace.Spans.Count);
        Assert.Equal(["membership"], trace.Summary.Services);
        Assert.Equal("POST /studios/{id}/members", trace.Summary.Name);
        Assert.Equal(1, trace.Summary.ErrorCount);
        var server = trace.Spans.Single(s => s.Kind == "Server");
        Assert.Equal("membership", server.Resource.ServiceName);
        Assert.Equal("membership-7", server.Resource.InstanceId);
        Assert.Equal("POST", server.Attributes["http.request.method"]);
        Assert.Equal("42", server.Attributes["studio.id"]);
        Assert.Null(server.ParentSpanId);
        var client = trace.Spans.Single(s => s.Kind == "Client");
        Assert.Equal(server.SpanId, client.ParentSpanId);
        Assert.Equal("Error", client.Status);
        Assert.Equal("unique violation", client.StatusMessage);
        Assert.Equal("row inserted", Assert.Single(client.Events).Name);
        Assert.Equal("1", client.Events[0].Attributes["rows"]);

        var list = await host.GetJsonAsync<Page<TraceSummary>>("/api/traces?resource=membership&errorsOnly=true");
        Assert.Contains(list.Items, t => t.TraceId == traceId);
        var none = await host.GetJsonAsync<Page<TraceSummary>>("/api/traces?resource=scheduling");
        Assert.DoesNotContain(none.Items, t => t.TraceId == traceId);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Logs_from_the_sdk_exporter_keep_severity_category_attributes_and_trace_id(OtlpExportProtocol protocol)
    {
        await using var host = await DashboardHost.StartAsync();
        var source = new ActivitySource("Tests.Logs." + protocol);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string traceId;
        using (var loggers = LoggerFactory.Create(logging => logging.AddOpenTelemetry(otel =>
               {
                   otel.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("scheduling", serviceInstanceId: "scheduling-1"));
                   otel.IncludeFormattedMessage = true;
                   otel.AddOtlpExporter(o => Exporter(o, host, protocol, "/v1/logs"));
               })))
        {
            var logger = loggers.CreateLogger("Studios.Scheduling.Sessions");
            using (var activity = source.StartActivity("schedule")!)
            {
                traceId = activity.TraceId.ToHexString();
                logger.LogWarning("Session {SessionId} is over capacity", 17);
            }
            logger.LogInformation("Unrelated to any trace");
        }

        var page = await DashboardHost.EventuallyAsync(
            () => host.GetJsonAsync<Page<LogEntry>>($"/api/logs?traceId={traceId}"),
            p => p.Total > 0, "the log record");
        var entry = Assert.Single(page.Items);
        Assert.Equal("Session 17 is over capacity", entry.Message);
        Assert.Equal("Warning", entry.Severity);
        Assert.Equal("Studios.Scheduling.Sessions", entry.Scope);
        Assert.Equal("scheduling", entry.Resource.ServiceName);
        Assert.Equal("17", entry.Attributes["SessionId"]);

        var warnings = await host.GetJsonAsync<Page<LogEntry>>("/api/logs?resource=scheduling&severity=Warning");
        Assert.All(warnings.Items, e => Assert.True(e.SeverityNumber >= 13));
        var byText = await DashboardHost.EventuallyAsync(
            () => host.GetJsonAsync<Page<LogEntry>>("/api/logs?text=unrelated"), p => p.Total == 1, "the second record");
        Assert.Null(byText.Items[0].TraceId);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Metrics_from_the_sdk_exporter_form_a_resource_meter_instrument_tree_with_histogram_percentiles(OtlpExportProtocol protocol)
    {
        await using var host = await DashboardHost.StartAsync();
        var meterName = "Studios.Tests." + protocol;
        using var meter = new Meter(meterName);
        var joined = meter.CreateCounter<long>("members.joined");
        var latency = meter.CreateHistogram<double>("request.duration", unit: "ms");
        using (var metrics = Sdk.CreateMeterProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("stewardship", serviceInstanceId: "stewardship-1"))
                   .AddMeter(meterName)
                   .AddOtlpExporter((o, reader) =>
                   {
                       Exporter(o, host, protocol, "/v1/metrics");
                       reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
                   })
                   .Build())
        {
            joined.Add(3);
            for (var value = 1; value <= 100; value++)
            {
                latency.Record(value);
            }
            Assert.True(metrics.ForceFlush(10_000));
        }

        var tree = await DashboardHost.EventuallyAsync(
            () => host.GetJsonAsync<List<MetricResourceView>>("/api/metrics"), t => t.Count > 0, "the metrics tree");
        var resource = Assert.Single(tree);
        Assert.Equal("stewardship/stewardship-1", resource.Resource);
        var instruments = Assert.Single(resource.Meters, m => m.Name == meterName).Instruments;
        Assert.Contains(instruments, i => i is { Name: "members.joined", Type: "Sum", IsMonotonic: true });
        Assert.Contains(instruments, i => i is { Name: "request.duration", Type: "Histogram", Unit: "ms" });

        var counter = await host.GetJsonAsync<InstrumentView>($"/api/metrics/instrument?resource=stewardship&meter={meterName}&name=members.joined");
        // ForceFlush exports once and disposing the provider once more: cumulative points, the same value twice.
        Assert.All(Assert.Single(counter.Series).Points, p => Assert.Equal(3, p.Value));

        var histogram = await host.GetJsonAsync<InstrumentView>($"/api/metrics/instrument?resource=stewardship&meter={meterName}&name=request.duration");
        var series = Assert.Single(histogram.Series);
        var point = series.Points[0];
        Assert.Equal(100UL, point.Count);
        Assert.Equal(5050, point.Sum);
        // The SDK's default bounds are 0, 5, 10, 25, 50, 75, 100, ...: the median of 1..100 lies in (25, 50] and so on.
        Assert.InRange(point.P50!.Value, 45, 55);
        Assert.InRange(point.P90!.Value, 85, 95);
        Assert.InRange(point.P99!.Value, 95, 100);
        Assert.Equal(point.P99, series.Overall!.P99);
        // Nothing was recorded between the two exports: the later point's interval has no percentiles.
        Assert.All(series.Points.Skip(1), p => Assert.Null(p.P50));
    }

    private static void Exporter(OtlpExporterOptions options, DashboardHost host, OtlpExportProtocol protocol, string path)
    {
        options.Protocol = protocol;
        // Set in code, the HTTP endpoint is the full URL; gRPC takes the base address.
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? new Uri(host.OtlpGrpcEndpoint) : new Uri(host.OtlpHttpEndpoint + path);
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
