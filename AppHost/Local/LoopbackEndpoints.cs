namespace Studios.AppHost.Local;

public static class LoopbackEndpoints
{
    /// <summary>Every endpoint of the resource binds 127.0.0.1 only (DCP's proxy included): nothing a local run starts
    /// is reachable from another machine.</summary>
    public static IResourceBuilder<T> WithLoopbackEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>())
            endpoint.TargetHost = "127.0.0.1";
        return builder;
    }
}
