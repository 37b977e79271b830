using Microsoft.AspNetCore.Http.HttpResults;
using Studios.AppHost.Hosting;

namespace Studios.AppHost.Api;

/// <summary>The resources and their control: what the dashboard builds on.</summary>
public static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources").WithTags("Resources");
        group.MapGet("/", GetResources).WithName("GetResources");
        group.MapGet("/{name}", GetResource).WithName("GetResource");
        group.MapGet("/{name}/console", GetConsole).WithName("GetResourceConsole");
        group.MapPost("/{name}/stop", (string name, Supervisor supervisor) => ControlAsync(name, supervisor, r => r.StopAsync()))
            .WithName("StopResource");
        group.MapPost("/{name}/start", (string name, Supervisor supervisor) => ControlAsync(name, supervisor, r => r.StartAsync()))
            .WithName("StartResource");
        group.MapPost("/{name}/restart", (string name, Supervisor supervisor) => ControlAsync(name, supervisor, r => r.RestartAsync()))
            .WithName("RestartResource");
        return endpoints;
    }

    private static Ok<ResourceSnapshot[]> GetResources(Supervisor supervisor) =>
        TypedResults.Ok(supervisor.Resources.Select(ResourceSnapshot.Of).ToArray());

    private static Results<Ok<ResourceSnapshot>, ProblemHttpResult> GetResource(string name, Supervisor supervisor) =>
        supervisor.Find(name) is { } runner ? TypedResults.Ok(ResourceSnapshot.Of(runner)) : NotFound(name);

    /// <summary>The last lines of a resource's console output (the buffer behind the future Console logs page).</summary>
    private static Results<Ok<ConsoleLine[]>, ProblemHttpResult> GetConsole(string name, Supervisor supervisor, int? tail) =>
        supervisor.Find(name) is { } runner
            ? TypedResults.Ok(runner.Log.Tail(Math.Clamp(tail ?? 200, 1, 5000)).ToArray())
            : NotFound(name);

    private static async Task<Results<Ok<ResourceSnapshot>, ProblemHttpResult>> ControlAsync(
        string name, Supervisor supervisor, Func<ResourceRunner, Task> command)
    {
        if (supervisor.Find(name) is not { } runner) return NotFound(name);
        await command(runner);
        return TypedResults.Ok(ResourceSnapshot.Of(runner));
    }

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem($"There is no resource named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown resource");
}
