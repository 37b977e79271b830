using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Studios.ServiceDefaults.Input;

public static class InputRulesExtensions
{
    /// <summary>The body rules (<see cref="JsonInputRules"/>); binding failures are thrown so the exception handler
    /// answers them as a 400 naming the field in every environment (not only in Development).</summary>
    public static IHostApplicationBuilder AddStudiosInputRules(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options => JsonInputRules.Apply(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>The path and query rules (<see cref="InputRulesMiddleware"/>), after routing chose the handler.</summary>
    public static IApplicationBuilder UseStudiosInputRules(this IApplicationBuilder app) => app.UseMiddleware<InputRulesMiddleware>();
}
