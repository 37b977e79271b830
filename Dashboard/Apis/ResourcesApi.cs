using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/resources (the AppHost's resources, secrets masked), GET /api/resources/{name}/console?tail=,
/// and POST /api/resources/{name}/start|stop|restart, answering with the resource as it is afterwards.
/// An unknown name is a 404 problem (RFC 9457), as everywhere else in the system.</summary>
internal static class ResourcesApi
{
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources").WithTags("Resources");
        group.MapGet("/", List).WithName("ListResources");
        group.MapGet("/{name}", Get).WithName("GetResource");
        group.MapGet("/{name}/console", Console).WithName("GetResourceConsole");
        group.MapPost("/{name}/start", (IResourceCatalog catalog, TimeProvider clock, string name, CancellationToken ct) =>
                Act(catalog, clock, name, catalog.StartAsync, ct))
            .WithName("StartResource");
        group.MapPost("/{name}/stop", (IResourceCatalog catalog, TimeProvider clock, string name, CancellationToken ct) =>
                Act(catalog, clock, name, catalog.StopAsync, ct))
            .WithName("StopResource");
        group.MapPost("/{name}/restart", (IResourceCatalog catalog, TimeProvider clock, string name, CancellationToken ct) =>
                Act(catalog, clock, name, catalog.RestartAsync, ct))
            .WithName("RestartResource");
        return group;
    }

    private static Ok<ResourceView[]> List(IResourceCatalog catalog, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(catalog.Snapshot().Select(r => ResourceView.Of(r, now)).ToArray());
    }

    private static Results<Ok<ResourceView>, ProblemHttpResult> Get(IResourceCatalog catalog, TimeProvider clock, string name) =>
        Find(catalog, name) is { } snapshot ? TypedResults.Ok(ResourceView.Of(snapshot, clock.GetUtcNow())) : Unknown(name);

    /// <summary>The last lines of one resource's console output.</summary>
    private static Results<Ok<ConsoleLine[]>, ProblemHttpResult> Console(IResourceCatalog catalog, string name, int? tail) =>
        Find(catalog, name) is { } snapshot
            ? TypedResults.Ok(catalog.ConsoleLines(snapshot.Name).TakeLast(Math.Clamp(tail ?? 200, 1, 10_000)).ToArray())
            : Unknown(name);

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> Act(
        IResourceCatalog catalog, TimeProvider clock, string name, Func<string, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        if (Find(catalog, name) is not { } snapshot)
        {
            return Unknown(name);
        }
        try
        {
            await action(snapshot.Name, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The resource cannot do that now");
        }
        return TypedResults.Ok(ResourceView.Of(Find(catalog, snapshot.Name) ?? snapshot, clock.GetUtcNow()));
    }

    private static ProblemHttpResult Unknown(string name) =>
        TypedResults.Problem($"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown resource");

    private static ResourceSnapshot? Find(IResourceCatalog catalog, string name) =>
        catalog.Snapshot().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
