using Microsoft.AspNetCore.Http;

namespace Studios.ServiceDefaults.Http;

public static class ProblemResponses
{
    /// <summary>Declares in the OpenAPI document the route-specific errors (404, 409, 410, 412, ...) an endpoint answers as
    /// ProblemDetails; those every endpoint shares (400, 401, 403, 429, ...) are declared once by ServiceDefaults' OpenApi.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes) builder.ProducesProblem(statusCode);
        return builder;
    }
}
