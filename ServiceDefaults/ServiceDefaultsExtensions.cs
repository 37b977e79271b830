using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Data;
using Studios.ServiceDefaults.Health;
using Studios.ServiceDefaults.Http;
using Studios.ServiceDefaults.Identity;
using Studios.ServiceDefaults.Input;
using Studios.ServiceDefaults.Jobs;
using Studios.ServiceDefaults.Messaging;
using Studios.ServiceDefaults.PersonalData;
using Studios.ServiceDefaults.Security;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults;

/// <summary>The two calls every Studios service makes: AddServiceDefaults and MapDefaultEndpoints.</summary>
public static class ServiceDefaultsExtensions
{
    /// <param name="database">The service's own database; also the name of its connection string.</param>
    /// <param name="serviceAssembly">Where its migrations (Data/Migrations/NNNN_*.sql) and consumers live; by default the
    /// application's assembly (ApplicationName, which test hosts set to the service, unlike the entry assembly).</param>
    public static IHostApplicationBuilder AddServiceDefaults(
        this IHostApplicationBuilder builder, string database, Assembly? serviceAssembly = null)
    {
        serviceAssembly ??= Assembly.Load(new AssemblyName(builder.Environment.ApplicationName));

        builder.AddStudiosTelemetry();
        builder.AddStudiosHttpDefaults();
        builder.AddStudiosAuthentication();
        builder.AddStudiosRateLimiting();
        builder.AddStudiosSecurityHeaders();
        builder.AddStudiosDatabase(database, serviceAssembly);
        builder.AddStudiosMessaging(database, serviceAssembly);
        builder.AddStudiosHealthChecks();
        // The one clock every service reads ("now" for rules, stamps and timers); tests replace it.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobMetrics>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<AuditReader>();
        builder.Services.AddSingleton<PersonalDataExporter>();
        builder.Services.AddSharedPersonalData();
        return builder;
    }

    /// <summary>Health endpoints (in every environment: Kubernetes probes need them), the OpenAPI document, the error
    /// pipeline, the security headers, the rate limiter, the operator's error-queue and audit endpoints and the person's
    /// data export.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseStudiosSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        // After authentication (commands count per person id), before authorization (refused tokens count per address).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseStudiosInputRules();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapErrorQueueEndpoints();
        app.MapAuditEndpoints();
        app.MapPersonalDataEndpoints();
        return app;
    }
}
