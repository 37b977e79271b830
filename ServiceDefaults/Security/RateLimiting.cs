using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Health;
using Studios.ServiceDefaults.Identity;
using Studios.ServiceDefaults.Options;

namespace Studios.ServiceDefaults.Security;

/// <summary>ASP.NET Core's rate limiter as one global limiter: a signed-in person's commands are counted per person id, requests
/// without a valid token per client address; reads by signed-in people and the health probes are not limited.
/// A refused request is a 429 ProblemDetails with Retry-After, counted by <see cref="RateLimitMetrics"/>.</summary>
public static class RateLimiting
{
    public const string CommandsPerPerson = "commands-per-person";
    public const string AnonymousPerAddress = "anonymous-per-address";

    public static IHostApplicationBuilder AddStudiosRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddSingleton<RateLimitMetrics>();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionFor);
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>Which limit a request counts against and under which key; null when it is not limited.</summary>
    public static (string Limit, string Key)? Classify(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(HealthEndpoints.HealthPath) || request.Path.StartsWithSegments(HealthEndpoints.AlivePath))
            return null;
        if (context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(claim => claim.Type == StudiosClaims.Subject))
        {
            var isCommand = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            return isCommand ? (CommandsPerPerson, context.User.PersonId().ToString()) : null;
        }
        return (AnonymousPerAddress, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static RateLimitPartition<string> PartitionFor(HttpContext context)
    {
        if (Classify(context) is not var (limit, key)) return RateLimitPartition.GetNoLimiter(string.Empty);
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var window = limit == CommandsPerPerson ? options.CommandsPerPerson : options.AnonymousPerAddress;
        return RateLimitPartition.GetFixedWindowLimiter($"{limit}:{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limit = Classify(context)?.Limit ?? "unknown";
        context.RequestServices.GetRequiredService<RateLimitMetrics>().Rejected(limit);

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests; try again later.",
                Detail = $"The {limit} limit was reached; retry after {seconds} s.",
                Extensions = { ["limit"] = limit, ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
