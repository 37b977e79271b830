using System.Net;
using System.Text.Json.Serialization;
using Studios.AppHost.Api;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>The AppHost's own HTTP server on 127.0.0.1: the resources API and the dev token issuer (later also the dashboard).</summary>
public static class AppHostWeb
{
    public static WebApplication Build(int port, Supervisor supervisor, DevTokens tokens)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(ConsoleFormat.Configure).AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(supervisor);
        builder.Services.AddSingleton(tokens);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapResourcesApi();
        app.MapDevTokensApi();
        return app;
    }
}
