using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;

namespace Studios.Dashboard.Tests;

/// <summary>A bare gRPC client of the OTLP trace service, for what the SDK exporter does not do (gzip, wrong keys).</summary>
internal static class OtlpGrpc
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> ExportTraces = new(
        MethodType.Unary,
        "opentelemetry.proto.collector.trace.v1.TraceService",
        "Export",
        Marshallers.Create((ExportTraceServiceRequest r) => r.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
        Marshallers.Create((ExportTraceServiceResponse r) => r.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

    public static async Task<ExportTraceServiceResponse> ExportAsync(string endpoint, ExportTraceServiceRequest request, bool gzip = false, string? apiKey = null)
    {
        using var channel = GrpcChannel.ForAddress(endpoint);
        var headers = new Metadata();
        if (gzip)
        {
            // Grpc.Net.Client's documented switch for compressing the request message.
            headers.Add("grpc-internal-encoding-request", "gzip");
        }
        if (apiKey is not null)
        {
            headers.Add("x-otlp-api-key", apiKey);
        }
        return await channel.CreateCallInvoker().AsyncUnaryCall(ExportTraces, null, new CallOptions(headers), request);
    }
}
