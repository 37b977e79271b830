using Studios.AppHost.Local;

namespace Studios.AppHost.Resources;

public static class DevIdentityExtensions
{
    /// <summary>
    /// The development identity (the DevIdentity project): the OIDC issuer the services validate tokens against in a
    /// local run, at <c>Ports:Identity</c>, its signing key kept in <c>.data/identity/</c>. Never published.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDevIdentity(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var identity = builder.AddProject<Projects.Studios_DevIdentity>(name)
            .WithLocalPort()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("DevIdentity__KeyFile", LocalRun.Of(builder).Data.PathOf("identity", "signing-key.pem"))
            .ExcludeFromManifest();
        return identity.WithEnvironment("DevIdentity__Issuer", identity.GetEndpoint("http"));
    }
}
