using Microsoft.OpenApi;

namespace Studios.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document every service serves at /openapi/v1.json, complete enough for client generators: the
/// bearer scheme on every secured operation and the errors every operation can answer, read from the endpoints'
/// metadata once here rather than repeated on each endpoint.</summary>
public static class OpenApiExtensions
{
    public static IHostApplicationBuilder AddStudiosOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.License ??= new OpenApiLicense { Name = "Apache-2.0", Identifier = "Apache-2.0" };
                // The server is the address the document was asked at; paths start with "/", so no slash after it.
                foreach (var server in document.Servers ?? [])
                {
                    if (server.Url is { Length: > 1 } url) server.Url = url.TrimEnd('/');
                }
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurity>();
            options.AddOperationTransformer<BearerSecurity>();
            options.AddOperationTransformer<CommonProblemResponses>();
            options.AddDocumentTransformer<CommonProblemResponses>();
        });
        return builder;
    }
}
