namespace Studios.Dashboard.Otlp;

/// <summary>401 for an OTLP/HTTP request without the configured API key.</summary>
internal sealed class OtlpApiKeyFilter(DashboardOptions options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[options.OtlpApiKeyHeader].ToString();
        return OtlpApiKey.Accepts(options, presented)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Text($"Missing or wrong {options.OtlpApiKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized));
    }
}
