using Grpc.Core;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;

namespace Studios.Dashboard.Otlp;

/// <summary>OTLP/gRPC: opentelemetry.proto.collector.trace.v1.TraceService/Export.</summary>
internal sealed class TraceReceiver(OtlpIngest ingest) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        ingest.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}
