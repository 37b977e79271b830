using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/telemetry/resources: every service.name + service.instance.id that sent telemetry (the pages' filters).</summary>
internal static class TelemetryResourcesApi
{
    public static RouteGroupBuilder MapTelemetryResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/telemetry").WithTags("Telemetry");
        group.MapGet("/resources", List).WithName("ListTelemetryResources");
        return group;
    }

    private static Ok<IReadOnlyList<TelemetryResource>> List(TelemetryStore store) => TypedResults.Ok(store.Resources());
}
