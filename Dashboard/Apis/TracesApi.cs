using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/traces (newest first, filtered, paged) and GET /api/traces/{traceId} (all its spans).</summary>
internal static class TracesApi
{
    public static RouteGroupBuilder MapTracesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/traces").WithTags("Traces");
        group.MapGet("/", List).WithName("ListTraces");
        group.MapGet("/{traceId}", Get).WithName("GetTrace");
        return group;
    }

    private static Ok<Page<TraceSummary>> List(
        TelemetryStore store, string? resource, string? name, double? minDurationMs, bool? errorsOnly, int? offset, int? limit) =>
        TypedResults.Ok(store.Traces.Query(new TraceQuery(resource, name, minDurationMs, errorsOnly ?? false, offset ?? 0, limit ?? 50)));

    private static Results<Ok<TraceDetail>, NotFound> Get(TelemetryStore store, string traceId) =>
        store.Traces.Find(traceId) is { } trace ? TypedResults.Ok(trace) : TypedResults.NotFound();
}
