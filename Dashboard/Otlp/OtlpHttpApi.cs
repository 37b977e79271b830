using Google.Protobuf;
using Studios.Dashboard.Otlp.Proto.Collector.Logs;
using Studios.Dashboard.Otlp.Proto.Collector.Metrics;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;

namespace Studios.Dashboard.Otlp;

/// <summary>OTLP/HTTP: POST /v1/traces, /v1/logs, /v1/metrics with binary protobuf (or OTLP/JSON), gzip or not.</summary>
internal static class OtlpHttpApi
{
    public static RouteGroupBuilder MapOtlpHttpApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").AddEndpointFilter<OtlpApiKeyFilter>().WithTags("OTLP").ExcludeFromDescription();
        group.MapPost("/traces", (HttpContext context, OtlpIngest ingest, DashboardOptions options) =>
            ReceiveAsync(context, options, ExportTraceServiceRequest.Parser, ingest.Add, new ExportTraceServiceResponse()))
            .WithName("OtlpTraces");
        group.MapPost("/logs", (HttpContext context, OtlpIngest ingest, DashboardOptions options) =>
            ReceiveAsync(context, options, ExportLogsServiceRequest.Parser, ingest.Add, new ExportLogsServiceResponse()))
            .WithName("OtlpLogs");
        group.MapPost("/metrics", (HttpContext context, OtlpIngest ingest, DashboardOptions options) =>
            ReceiveAsync(context, options, ExportMetricsServiceRequest.Parser, ingest.Add, new ExportMetricsServiceResponse()))
            .WithName("OtlpMetrics");
        return group;
    }

    private static async Task<IResult> ReceiveAsync<T>(HttpContext context, DashboardOptions options, MessageParser<T> parser, Action<T> add, IMessage response)
        where T : IMessage<T>, new()
    {
        var read = await OtlpRequestReader.ReadAsync(context.Request, parser, options.MaxOtlpRequestBytes, context.RequestAborted);
        if (read.Message is null)
        {
            return Results.Text(read.Error, "text/plain", statusCode: read.StatusCode);
        }
        add(read.Message);
        return read.IsJson
            ? Results.Text("{}", "application/json")
            : Results.Bytes(response.ToByteArray(), "application/x-protobuf");
    }
}
