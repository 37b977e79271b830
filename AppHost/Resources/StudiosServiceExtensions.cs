using Studios.AppHost.Local;

namespace Studios.AppHost.Resources;

public static class StudiosServiceExtensions
{
    /// <summary>
    /// A service of this repository: its launch profile's HTTP endpoint on the port <c>Ports:&lt;Name&gt;</c> (the resource
    /// name in Pascal case), health from its own <c>/health</c>, tokens validated against <paramref name="identity"/>, and
    /// <c>Replicas</c> instances behind DCP's proxy on that port (a local run only; the published manifests scale by their HPA).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        [ResourceName] string name, IResourceBuilder<ProjectResource> identity) where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithLocalPort()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WaitFor(identity)
            .WithLocalReplicas();

    /// <summary>The run's <c>Replicas</c> setting as Aspire replicas; nothing when the model is published.</summary>
    public static IResourceBuilder<ProjectResource> WithLocalReplicas(this IResourceBuilder<ProjectResource> builder)
    {
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode) return builder;
        var replicas = LocalRun.Of(builder.ApplicationBuilder).Replicas.Count;
        return replicas > 1 ? builder.WithReplicas(replicas) : builder;
    }

    /// <summary>The service's own address, under <paramref name="setting"/>, for the links it puts in what it sends.</summary>
    public static IResourceBuilder<ProjectResource> WithPublicBaseUrl(this IResourceBuilder<ProjectResource> builder, string setting) =>
        builder.WithEnvironment(setting, builder.GetEndpoint("http"));

    /// <summary>The launch profile's HTTP endpoint, on loopback, moved by <c>Ports:&lt;Name&gt;</c> (0: any free port).</summary>
    public static IResourceBuilder<ProjectResource> WithLocalPort(this IResourceBuilder<ProjectResource> builder)
    {
        var port = LocalRun.Of(builder.ApplicationBuilder).Ports.Proxied(PortKey(builder.Resource.Name));
        // Plain HTTP on loopback: no development certificate is needed, so none is asked for (or warned about).
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API; removing it only brings the warning back
        return builder.WithEndpoint("http", endpoint => endpoint.Port = port).WithLoopbackEndpoints().WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }

    private static string PortKey(string resourceName) =>
        string.Concat(resourceName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
