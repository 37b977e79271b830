using Studios.ServiceDefaults.Health;
using Studios.ServiceDefaults.Http;
using Studios.ServiceDefaults.Telemetry;
using Studios.Web.Identity;
using Studios.Web.Services;

namespace Studios.Web.Extensions;

public static class WebServicesExtensions
{
    /// <summary>Telemetry, service discovery and the standard resilience handler on every HttpClient (ServiceDefaults),
    /// sign-in, the services' clients and the Razor components. No database, no messaging.</summary>
    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        builder.AddStudiosTelemetry();
        builder.AddStudiosHttpDefaults();
        builder.AddStudiosHealthChecks();
        builder.AddWebSignIn();
        builder.AddServiceClients();
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        return app;
    }
}
