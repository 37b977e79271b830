using Microsoft.AspNetCore.Http;
using Studios.ServiceDefaults.Input;
using Studios.ServiceDefaults.OpenApi;

namespace Studios.ServiceDefaults.Http;

public static class HttpDefaultsExtensions
{
    /// <summary>ProblemDetails for every error, OpenAPI, service discovery and the standard resilience handler on every HttpClient.</summary>
    public static IHostApplicationBuilder AddStudiosHttpDefaults(this IHostApplicationBuilder builder)
    {
        // The default writer already adds traceId; Instance tells the client which request failed.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bodies: text without control characters, enums by name, dates within range; binding failures named by field.
        builder.AddStudiosInputRules();
        builder.Services.AddValidation();
        builder.AddStudiosOpenApi();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }
}
