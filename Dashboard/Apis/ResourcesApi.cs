using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/resources (the AppHost's resources, secrets masked) and POST /api/resources/{name}/start|stop|restart.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources").WithTags("Resources");
        group.MapGet("/", List).WithName("ListResources");
        group.MapGet("/{name}", Get).WithName("GetResource");
        group.MapPost("/{name}/start", (IResourceCatalog catalog, string name, CancellationToken ct) => Act(catalog, name, catalog.StartAsync, ct))
            .WithName("StartResource");
        group.MapPost("/{name}/stop", (IResourceCatalog catalog, string name, CancellationToken ct) => Act(catalog, name, catalog.StopAsync, ct))
            .WithName("StopResource");
        group.MapPost("/{name}/restart", (IResourceCatalog catalog, string name, CancellationToken ct) => Act(catalog, name, catalog.RestartAsync, ct))
            .WithName("RestartResource");
        return group;
    }

    private static Ok<ResourceView[]> List(IResourceCatalog catalog, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(catalog.Snapshot().Select(r => ResourceView.Of(r, now)).ToArray());
    }

    private static Results<Ok<ResourceView>, NotFound> Get(IResourceCatalog catalog, TimeProvider clock, string name) =>
        Find(catalog, name) is { } snapshot ? TypedResults.Ok(ResourceView.Of(snapshot, clock.GetUtcNow())) : TypedResults.NotFound();

    private static async Task<Results<Accepted, NotFound, Conflict<string>>> Act(
        IResourceCatalog catalog, string name, Func<string, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        if (Find(catalog, name) is not { } snapshot)
        {
            return TypedResults.NotFound();
        }
        try
        {
            await action(snapshot.Name, cancellationToken);
            return TypedResults.Accepted($"/api/resources/{Uri.EscapeDataString(snapshot.Name)}");
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Conflict(e.Message);
        }
    }

    private static ResourceSnapshot? Find(IResourceCatalog catalog, string name) =>
        catalog.Snapshot().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
