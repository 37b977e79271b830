using Grpc.Core;
using Studios.Dashboard.Otlp.Proto.Collector.Metrics;

namespace Studios.Dashboard.Otlp;

/// <summary>OTLP/gRPC: opentelemetry.proto.collector.metrics.v1.MetricsService/Export.</summary>
internal sealed class MetricsReceiver(OtlpIngest ingest) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        ingest.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
