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
    /// a delivery that cannot finish, as an acknowledgement stuck on a dead connection.</summary>
    public const string Hang = "hang";

    /// <summary>An entry noted "stuck" makes the consumer wait until <see cref="ReleaseHung"/> or its cancellation: I/O
    /// stuck on a dead connection, which gives up when MassTransit's ConsumerStopTimeout cancels it.</summary>
    public const string Stuck = "stuck";

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

    internal Task StuckAsync(CancellationToken cancellationToken) => HangAsync().WaitAsync(cancellationToken);

    internal Task HangAsync()
    {
        Interlocked.Increment(ref _hanging);
        return _release.Task;
    }

    private Consumer? _lastConsumer;
    private readonly ConcurrentDictionary<string, Consumer> _consumers = new(StringComparer.Ordinal);

    /// <summary>The queue the last delivery came from.</summary>
    public string? LastQueue => Volatile.Read(ref _lastConsumer)?.Queue;

    /// <summary>Cancels, on the broker, the consumer the last delivery came from, on its own channel and with no-wait,
    /// so RabbitMQ.Client drops it without telling MassTransit: the endpoint still counts as ready but receives nothing.
    /// What a receive endpoint looks like when a broker crash never reached its consumer.</summary>
    public async Task CancelConsumerSilentlyAsync()
    {
        var consumer = Volatile.Read(ref _lastConsumer) ?? throw new InvalidOperationException("Nothing was delivered yet.");
        await consumer.Channel.Channel.BasicCancelAsync(consumer.Tag, noWait: true);
    }

    /// <summary>The queues that had deliveries, in the order their consumers' channels were opened on the connection.</summary>
    public IReadOnlyList<string> QueuesByChannelAge() =>
        [.. _consumers.Values.OrderBy(consumer => consumer.Channel.Channel.ChannelNumber).Select(consumer => consumer.Queue)];

    /// <summary>Makes the shutdown of <paramref name="queue"/>'s consumer channel hang until the returned handle is
    /// disposed. RabbitMQ.Client tells a dead connection's channels one after the other and waits for each, so every
    /// channel opened after this one is never told: its endpoint stays "ready" on a dead channel (the rare stall seen
    /// after a broker crash, docs/messaging.md "Broker connection lost").</summary>
    public IDisposable HangChannelShutdown(string queue)
    {
        var channel = _consumers[queue].Channel.Channel;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Hang(object sender, RabbitMQ.Client.Events.ShutdownEventArgs reason) => release.Task;
        channel.ChannelShutdownAsync += Hang;
        return new Release(() => release.TrySetResult());
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    public Task PreReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id)
        {
            _deliveries.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
        if (context is RabbitMqBasicConsumeContext delivery && context.TryGetPayload<ChannelContext>(out var channel))
        {
            var consumer = new Consumer(channel, delivery.ConsumerTag, context.InputAddress.AbsolutePath.Split('/')[^1]);
            Volatile.Write(ref _lastConsumer, consumer);
            _consumers[consumer.Queue] = consumer;
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
