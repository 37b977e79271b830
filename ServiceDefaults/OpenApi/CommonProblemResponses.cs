using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Studios.ServiceDefaults.Http;

namespace Studios.ServiceDefaults.OpenApi;

/// <summary>The errors the shared pipeline can answer on any operation, declared where they apply: 400 where the operation
/// reads parameters, a body or an Idempotency-Key; 401 and 403 where it requires authorization; 409 and 422 for a repeated
/// Idempotency-Key on commands; 415 where it reads a body; 429 from the rate limiter. Route-specific errors (404, 409,
/// 412, ...) are declared on the endpoints with ProducesProblem.</summary>
internal sealed class CommonProblemResponses : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The two schemas the responses refer to, in case no endpoint of the service declared them itself.</summary>
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var type in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            if (document.Components?.Schemas?.ContainsKey(type.Name) == true) continue;
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var isCommand = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        var hasBody = operation.RequestBody is not null;
        operation.Responses ??= [];

        if (isCommand)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the first answer is replayed for a retry with the same key (at most 200 characters).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
        }
        if (isCommand || hasBody || operation.Parameters is { Count: > 0 })
            Add(operation, context, StatusCodes.Status400BadRequest, "The request has invalid fields (each named in errors).", validation: true);
        if (BearerSecurity.IsSecured(context))
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, "No valid bearer token.");
            Add(operation, context, StatusCodes.Status403Forbidden, "The caller's roles or studio do not allow this.");
        }
        if (isCommand)
        {
            Add(operation, context, StatusCodes.Status409Conflict, "The current state does not allow this, or a request with the same Idempotency-Key is still running.");
            Add(operation, context, StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was already used for a different request.");
        }
        if (hasBody) Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not JSON.");
        var tooMany = Add(operation, context, StatusCodes.Status429TooManyRequests,
            "Too many requests (commands per person, requests without a valid token per client address); retry after Retry-After.");
        if (tooMany is null) return Task.CompletedTask;
        tooMany.Headers ??= new Dictionary<string, IOpenApiHeader>();
        tooMany.Headers.TryAdd("Retry-After", new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        });
        return Task.CompletedTask;
    }

    /// <summary>Adds the response unless the endpoint already declares that status; returns the added one.</summary>
    private static OpenApiResponse? Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key)) return null;
        var schema = validation ? nameof(HttpValidationProblemDetails) : nameof(ProblemDetails);
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
            },
        };
        operation.Responses[key] = response;
        return response;
    }
}
