using Studios.Dashboard.Access;
using Studios.Dashboard.Apis;
using Studios.Dashboard.Otlp;
using Studios.Dashboard.Pages;

namespace Studios.Dashboard;

public static class DashboardEndpointExtensions
{
    /// <summary>Maps the OTLP receivers (/v1/traces, /v1/logs, /v1/metrics and the three gRPC services, guarded by the
    /// optional API key), /login, the pages and /api/* (guarded by the login token). The host's other endpoints are not touched.</summary>
    public static IEndpointRouteBuilder MapStudiosDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOtlpHttpApi();
        endpoints.MapGrpcService<TraceReceiver>();
        endpoints.MapGrpcService<LogsReceiver>();
        endpoints.MapGrpcService<MetricsReceiver>();
        endpoints.MapLoginApi();

        var guarded = endpoints.MapGroup("").AddEndpointFilter<DashboardAuthFilter>();
        guarded.MapResourcesApi();
        guarded.MapConsoleApi();
        guarded.MapTracesApi();
        guarded.MapLogsApi();
        guarded.MapMetricsApi();
        guarded.MapTelemetryResourcesApi();
        guarded.MapEventsApi();
        guarded.MapPages(endpoints);
        return endpoints;
    }

    /// <summary>Puts one of the host's own endpoints behind the dashboard's login token too.</summary>
    public static TBuilder RequireDashboardLogin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, DashboardAuthFilter>();
}
