using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Studios.Dashboard.Apis;

/// <summary>GET /api/events: server-sent "change" events naming what changed (traces, logs, metrics, resources), so pages
/// refresh without reload. Changes are coalesced over a quarter second; a "ping" every 15 s keeps proxies from closing the stream.</summary>
internal static class EventsApi
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/events").WithTags("Live");
        group.MapGet("/", Stream).WithName("DashboardEvents");
        return group;
    }

    private static ServerSentEventsResult<string[]> Stream(TelemetryStore store, IResourceCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Changes(store, catalog, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string[]>> Changes(
        TelemetryStore store, IResourceCatalog catalog, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<TelemetryKinds>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnResourcesChanged(object? sender, EventArgs e) => channel.Writer.TryWrite(TelemetryKinds.Resources);
        using var subscription = store.Changes.Subscribe(channel.Writer);
        catalog.Changed += OnResourcesChanged;
        try
        {
            yield return new SseItem<string[]>([], "hello");
            while (await NextAsync(channel.Reader, cancellationToken) is { } kinds)
            {
                yield return kinds == TelemetryKinds.None
                    ? new SseItem<string[]>([], "ping")
                    : new SseItem<string[]>(Names(kinds), "change");
            }
        }
        finally
        {
            catalog.Changed -= OnResourcesChanged;
        }
    }

    /// <summary>The next changes (None after a quiet heartbeat interval), or null once the page has gone.</summary>
    private static async Task<TelemetryKinds?> NextAsync(ChannelReader<TelemetryKinds> reader, CancellationToken cancellationToken)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quiet.CancelAfter(Heartbeat);
        try
        {
            var kinds = await reader.ReadAsync(quiet.Token);
            await Task.Delay(Coalesce, cancellationToken);
            while (reader.TryRead(out var more))
            {
                kinds |= more;
            }
            return kinds;
        }
        catch (OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested ? null : TelemetryKinds.None;
        }
    }

    private static string[] Names(TelemetryKinds kinds) =>
        Enum.GetValues<TelemetryKinds>()
            .Where(k => k != TelemetryKinds.None && kinds.HasFlag(k))
            .Select(k => k.ToString().ToLowerInvariant())
            .ToArray();
}
