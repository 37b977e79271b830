using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using System.Text.Json.Serialization;

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
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }
}
