using System.Collections.Concurrent;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The queues this service consumes from, as MassTransit configured them; their _error queues are what
/// the operator endpoints may read and requeue, and nothing else on the broker.</summary>
public sealed class ReceiveEndpoints
{
    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Queues => [.. _queues.Keys.Order(StringComparer.Ordinal)];

    internal void Add(string queue) => _queues.TryAdd(queue, 0);

    /// <summary>The queue whose error queue <paramref name="errorQueue"/> is, when it is one of ours.</summary>
    public bool TryGetSourceQueue(string errorQueue, out string queue)
    {
        queue = errorQueue.EndsWith(ErrorQueues.Suffix, StringComparison.Ordinal) ? errorQueue[..^ErrorQueues.Suffix.Length] : "";
        return queue.Length > 0 && _queues.ContainsKey(queue);
    }
}
