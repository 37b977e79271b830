using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studios.Dashboard.Access;
using Studios.Dashboard.Otlp;
using Studios.Dashboard.Pages;

namespace Studios.Dashboard;

public static class DashboardServiceExtensions
{
    /// <summary>Adds the dashboard's services and, unless ListenOnLoopback is false, makes Kestrel listen on
    /// 127.0.0.1 at the dashboard port (18888), the OTLP/HTTP port (4318) and the OTLP/gRPC port (4317, HTTP/2).
    /// Options come from the "Dashboard" configuration section, then <paramref name="configure"/>.</summary>
    public static WebApplicationBuilder AddStudiosDashboard(this WebApplicationBuilder builder, Action<DashboardOptions>? configure = null)
    {
        var options = new DashboardOptions();
        builder.Configuration.GetSection(DashboardOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        builder.Services.AddStudiosDashboard(options);
        if (options.ListenOnLoopback)
        {
            builder.WebHost.UseStudiosDashboardPorts(options);
        }
        return builder;
    }

    /// <summary>The dashboard's services alone, for a host that configures Kestrel itself.</summary>
    public static IServiceCollection AddStudiosDashboard(this IServiceCollection services, DashboardOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceCatalog, EmptyResourceCatalog>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<TelemetryStore>();
        services.AddSingleton<OtlpIngest>();
        services.AddSingleton<StaticAssets>();
        services.AddGrpc()
            .AddServiceOptions<TraceReceiver>(o => ConfigureReceiver(o, options))
            .AddServiceOptions<LogsReceiver>(o => ConfigureReceiver(o, options))
            .AddServiceOptions<MetricsReceiver>(o => ConfigureReceiver(o, options));
        return services;
    }

    /// <summary>Listens on 127.0.0.1 at the dashboard and OTLP/HTTP ports (HTTP/1.1) and the OTLP/gRPC port (HTTP/2 only:
    /// without TLS there is no protocol negotiation, so gRPC needs an endpoint of its own).</summary>
    public static IWebHostBuilder UseStudiosDashboardPorts(this IWebHostBuilder webHost, DashboardOptions options) =>
        webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.DashboardPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, options.OtlpHttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, options.OtlpGrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });

    private static void ConfigureReceiver<T>(Grpc.AspNetCore.Server.GrpcServiceOptions<T> receiver, DashboardOptions options)
        where T : class
    {
        receiver.MaxReceiveMessageSize = options.MaxOtlpRequestBytes;
        receiver.Interceptors.Add<OtlpApiKeyInterceptor>();
    }
}
