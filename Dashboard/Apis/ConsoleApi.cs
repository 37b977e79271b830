using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/console?resource= (recent lines, one resource or all) and GET /api/console/stream?resource= (live, server-sent events).</summary>
internal static class ConsoleApi
{
    public static RouteGroupBuilder MapConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/console").WithTags("Console");
        group.MapGet("/", Recent).WithName("ConsoleLines");
        group.MapGet("/stream", Stream).WithName("ConsoleStream");
        return group;
    }

    private static Ok<ConsoleLine[]> Recent(IResourceCatalog catalog, string? resource, int? limit)
    {
        var names = string.IsNullOrEmpty(resource) ? catalog.Snapshot().Select(r => r.Name) : [resource];
        var lines = names
            .SelectMany(catalog.ConsoleLines)
            .OrderBy(l => l.Timestamp)
            .TakeLast(Math.Clamp(limit ?? 1000, 1, 10_000))
            .ToArray();
        return TypedResults.Ok(lines);
    }

    private static ServerSentEventsResult<ConsoleLine?> Stream(IResourceCatalog catalog, string? resource, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Lines(catalog, resource, cancellationToken));

    private static async IAsyncEnumerable<SseItem<ConsoleLine?>> Lines(
        IResourceCatalog catalog, string? resource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Sent at once so the response starts (headers flushed) before the first line is written.
        yield return new SseItem<ConsoleLine?>(null, "hello");
        await foreach (var line in Live.UntilCancelled(catalog.FollowConsoleAsync(cancellationToken), cancellationToken))
        {
            if (string.IsNullOrEmpty(resource) || string.Equals(line.Resource, resource, StringComparison.OrdinalIgnoreCase))
            {
                yield return new SseItem<ConsoleLine?>(line, "line");
            }
        }
    }
}
