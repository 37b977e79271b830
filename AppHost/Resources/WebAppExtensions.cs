namespace Studios.AppHost.Resources;

public static class WebAppExtensions
{
    /// <summary>
    /// The web app (web/Studios.Web) at <c>Ports:Web</c>: signs people in at <paramref name="identity"/> (OpenID Connect
    /// code flow) and finds the services it calls by service discovery. Its URL is the dashboard's link to the product.
    /// Not published yet: the Kubernetes manifests cover the services only.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddWebApp(this IDistributedApplicationBuilder builder, [ResourceName] string name,
        IResourceBuilder<ProjectResource> identity, params IResourceBuilder<ProjectResource>[] services)
    {
        var web = builder.AddProject<Projects.Studios_Web>(name)
            .WithLocalPort()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WaitFor(identity)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Studios web app")
            .ExcludeFromManifest();
        // Not WaitFor: the app needs the services only when a page calls them, so it starts beside them.
        foreach (var service in services) web.WithReference(service);
        return web;
    }
}
