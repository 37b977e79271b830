using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Studios.ServiceDefaults.Input;

namespace Studios.ServiceDefaults.Http;

/// <summary>Turns exceptions into ProblemDetails: bad input is 400, an unreachable database is 503 with
/// Retry-After (the client may try again), anything else is a 500 that names no internals.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => InvalidInput(bad),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.InnerException?.Message ?? bad.Message,
            },
            _ when IsDatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database is unavailable; try again shortly.",
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
            };
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A body or value the framework could not read: a 400 naming the field, like every other bad input.</summary>
    private static HttpValidationProblemDetails InvalidInput(BadHttpRequestException bad)
    {
        var (field, reason) = UnreadableInput.Describe(bad);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        };
    }

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" }: // shutting down / starting up
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
