using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Studios.AppHost.Api;
using Studios.AppHost.Model;
using Studios.Dashboard;
using Studios.Dashboard.Resources;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>
/// The AppHost's own HTTP server on 127.0.0.1: the dashboard (pages, /api/*, the OTLP receiver on the OTLP ports) over the
/// supervisor's resources, and the dev token issuer, which stays anonymous as an OIDC authority must.
/// </summary>
public static class AppHostWeb
{
    public static WebApplication Build(ApplicationModel model, IConfiguration configuration, Supervisor supervisor, DevTokens tokens)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(ConsoleFormat.Configure).AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);

        // The "Dashboard" section (--Dashboard:LoginToken=..., Dashboard__OtlpApiKey=...) with the ports from the model.
        var dashboard = new DashboardOptions();
        configuration.GetSection(DashboardOptions.SectionName).Bind(dashboard);
        dashboard.DashboardPort = model.AppHost.Port;
        dashboard.OtlpHttpPort = model.OtlpHttp.Port;
        dashboard.OtlpGrpcPort = model.OtlpGrpc.Port;
        builder.Services.AddSingleton(supervisor);
        builder.Services.AddSingleton<IResourceCatalog, SupervisorCatalog>(); // before the dashboard's empty default
        builder.Services.AddStudiosDashboard(dashboard);
        builder.WebHost.UseStudiosDashboardPorts(dashboard);

        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(tokens);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapStudiosDashboard();
        app.MapDevTokensApi();
        return app;
    }
}
