using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Studios.Dashboard.Otlp;

/// <summary>Unauthenticated for an OTLP/gRPC call without the configured API key.</summary>
internal sealed class OtlpApiKeyInterceptor(DashboardOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var presented = context.RequestHeaders.GetValue(options.OtlpApiKeyHeader.ToLowerInvariant());
        if (!OtlpApiKey.Accepts(options, presented))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Missing or wrong {options.OtlpApiKeyHeader} header."));
        }
        return continuation(request, context);
    }
}
