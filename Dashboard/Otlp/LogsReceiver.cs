using Grpc.Core;
using Studios.Dashboard.Otlp.Proto.Collector.Logs;

namespace Studios.Dashboard.Otlp;

/// <summary>OTLP/gRPC: opentelemetry.proto.collector.logs.v1.LogsService/Export.</summary>
internal sealed class LogsReceiver(OtlpIngest ingest) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        ingest.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
