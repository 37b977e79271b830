using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/logs: structured logs, newest first, by resource, minimum severity, text and trace id.</summary>
internal static class LogsApi
{
    public static RouteGroupBuilder MapLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/logs").WithTags("Logs");
        group.MapGet("/", List).WithName("ListLogs");
        return group;
    }

    private static Ok<Page<LogEntry>> List(
        TelemetryStore store, string? resource, string? severity, string? text, string? traceId, long? afterId, int? offset, int? limit) =>
        TypedResults.Ok(store.Logs.Query(new LogQuery(resource, severity, text, traceId, afterId, offset ?? 0, limit ?? 100)));
}
