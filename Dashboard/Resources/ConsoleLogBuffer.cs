using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Studios.Dashboard.Resources;

/// <summary>A ready-made console store for an IResourceCatalog: the newest lines per resource and a live feed.
/// The AppHost appends each line its child processes write; ConsoleLines and FollowConsoleAsync can delegate here.</summary>
public sealed class ConsoleLogBuffer(int maxLinesPerResource = 2_000)
{
    private readonly ConcurrentDictionary<string, Lines> byResource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<ConsoleLine>, byte> followers = new();

    public ConsoleLine Append(string resource, string text, bool isError = false)
    {
        var lines = byResource.GetOrAdd(resource, _ => new Lines(maxLinesPerResource));
        ConsoleLine line;
        lock (lines)
        {
            line = new ConsoleLine(resource, ++lines.LastSequence, DateTimeOffset.UtcNow, text, isError);
            lines.Queue.Enqueue(line);
            while (lines.Queue.Count > maxLinesPerResource)
            {
                lines.Queue.Dequeue();
            }
        }
        foreach (var follower in followers.Keys)
        {
            follower.Writer.TryWrite(line);
        }
        return line;
    }

    public IReadOnlyList<ConsoleLine> Recent(string resource)
    {
        if (!byResource.TryGetValue(resource, out var lines))
        {
            return [];
        }
        lock (lines)
        {
            return lines.Queue.ToArray();
        }
    }

    /// <summary>Lines appended from now on; a follower too slow to keep up loses its oldest unread lines.</summary>
    public async IAsyncEnumerable<ConsoleLine> FollowAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ConsoleLine>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        followers.TryAdd(channel, 0);
        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            followers.TryRemove(channel, out _);
        }
    }

    private sealed class Lines(int capacity)
    {
        public Queue<ConsoleLine> Queue { get; } = new(Math.Min(capacity, 256));
        public long LastSequence { get; set; }
    }
}
