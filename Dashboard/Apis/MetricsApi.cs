using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/metrics: resource → meter → instrument; GET /api/metrics/instrument?resource=&amp;meter=&amp;name=: its series over time.</summary>
internal static class MetricsApi
{
    public static RouteGroupBuilder MapMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/metrics").WithTags("Metrics");
        group.MapGet("/", Tree).WithName("MetricsTree");
        group.MapGet("/instrument", Instrument).WithName("GetInstrument");
        return group;
    }

    private static Ok<IReadOnlyList<MetricResourceView>> Tree(TelemetryStore store) => TypedResults.Ok(store.Metrics.Tree());

    private static Results<Ok<InstrumentView>, NotFound> Instrument(TelemetryStore store, string resource, string meter, string name) =>
        store.Metrics.Instrument(resource, meter, name) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
}
