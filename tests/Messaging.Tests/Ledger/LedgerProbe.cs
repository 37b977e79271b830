using System.Collections.Concurrent;
using MassTransit;
using MassTransit.RabbitMqTransport;

namespace Studios.Messaging.Tests.Ledger;

/// <summary>What a test controls and observes in Ledger, shared by every host it starts (so it survives a restart):
/// the poison switch, a consumer delay, and each transport delivery per message id.</summary>
public sealed class LedgerProbe : IReceiveObserver
{
    public const string Poison = "poison";

    /// <summary>An entry noted "hang" makes the consumer wait, deaf to cancellation, until <see cref="ReleaseHung"/>:
    /// a delivery whose handler never returns.</summary>
    public const string Hang = "hang";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hanging;

    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private int _attempts;
    private int _largestBatch;

    /// <summary>While false, an entry noted "poison" makes the consumer throw.</summary>
    public volatile bool PoisonFixed;

    /// <summary>Time each consume takes, so a test can stop a host with work in flight.</summary>
    public TimeSpan ConsumeDelay { get; set; }

    /// <summary>Consumer attempts on poison entries (every retry counts).</summary>
    public int PoisonAttempts => Volatile.Read(ref _attempts);

    /// <summary>Deliveries beyond the first of the same message id, summed.</summary>
    public int DuplicateDeliveries => _deliveries.Values.Sum(count => count - 1);

    /// <summary>Distinct message ids delivered at least once.</summary>
    public int DistinctDeliveries => _deliveries.Count;

    public int Deliveries(Guid messageId) => _deliveries.GetValueOrDefault(messageId);

    /// <summary>Most messages a batch consumer got at once.</summary>
    public int LargestBatch => Volatile.Read(ref _largestBatch);

    internal void ConsumingPoison() => Interlocked.Increment(ref _attempts);

    internal void BatchConsumed(int size)
    {
        int largest;
        while (size > (largest = Volatile.Read(ref _largestBatch)) && Interlocked.CompareExchange(ref _largestBatch, size, largest) != largest)
        {
        }
    }

    /// <summary>Deliveries of "hang" entries that have started waiting.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    public void ReleaseHung() => _release.TrySetResult();

    internal Task HangAsync()
    {
        Interlocked.Increment(ref _hanging);
        return _release.Task;
    }

    private Consumer? _lastConsumer;

    /// <summary>The queue the last delivery came from.</summary>
    public string? LastQueue => Volatile.Read(ref _lastConsumer)?.Queue;

    /// <summary>Cancels, on the broker, the consumer the last delivery came from, on its own channel and with no-wait,
    /// so RabbitMQ.Client drops it without telling MassTransit: the endpoint still counts as ready but receives nothing.
    /// What a receive endpoint looks like when something silently took its consumer away.</summary>
    public async Task CancelConsumerSilentlyAsync()
    {
        var consumer = Volatile.Read(ref _lastConsumer) ?? throw new InvalidOperationException("Nothing was delivered yet.");
        await consumer.Channel.Channel.BasicCancelAsync(consumer.Tag, noWait: true);
    }

    public Task PreReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id)
        {
            _deliveries.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
        if (context is RabbitMqBasicConsumeContext delivery && context.TryGetPayload<ChannelContext>(out var channel))
        {
            Volatile.Write(ref _lastConsumer, new Consumer(channel, delivery.ConsumerTag, context.InputAddress.AbsolutePath.Split('/')[^1]));
        }
        return Task.CompletedTask;
    }

    private sealed record Consumer(ChannelContext Channel, string Tag, string Queue);

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
