using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Studios.ServiceDefaults.Security;

/// <summary>Response headers every service sends. Our responses hold personal data (rosters, names, calendar feeds), so
/// nothing is cached unless an endpoint says otherwise; browsers never sniff a JSON body into HTML nor run or frame an API
/// answer; Kestrel does not announce itself.</summary>
public static class SecurityHeaders
{
    public static IHostApplicationBuilder AddStudiosSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return builder;
    }

    public static IApplicationBuilder UseStudiosSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // API answers are data, never a page to run or frame (a front end's own pages set their own policy).
            if (context.Request.Path.StartsWithSegments("/api") && headers.ContentSecurityPolicy.Count == 0)
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            if (headers.CacheControl.Count == 0) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
