using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using MassTransit.RabbitMqTransport;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>What this process's bus is doing: for each receive endpoint, as its deliveries show it, when the last one
/// started, how many are in flight and whether the channel they came on is still open; for the outbox relay, since when
/// its publishes have all been failing. The watchdog's evidence.</summary>
public sealed class BusActivity : IReceiveObserver
{
    private const long NotFailing = long.MaxValue;
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);
    private long _since = Stopwatch.GetTimestamp();
    private long _publishingFailingSince = NotFailing;

    /// <summary>How long every publish of the relay has failed (zero while publishing works or nothing was tried).</summary>
    public TimeSpan PublishingFailingFor =>
        Volatile.Read(ref _publishingFailingSince) is var since && since == NotFailing ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since);

    /// <summary>A relay batch was published, at least in part: publishing works.</summary>
    internal void Published() => Volatile.Write(ref _publishingFailingSince, NotFailing);

    /// <summary>A relay batch failed entirely; the first of a run of such failures starts the clock.</summary>
    internal void PublishFailed() => Interlocked.CompareExchange(ref _publishingFailingSince, Stopwatch.GetTimestamp(), NotFailing);

    /// <summary>The endpoint consuming <paramref name="queue"/>, as seen now.</summary>
    public EndpointState StateOf(string queue)
    {
        if (!_endpoints.TryGetValue(queue, out var endpoint))
        {
            return new EndpointState(Stopwatch.GetElapsedTime(Volatile.Read(ref _since)), 0, ChannelOpen: null);
        }
        var channel = Volatile.Read(ref endpoint.Channel);
        return new EndpointState(
            Stopwatch.GetElapsedTime(Math.Max(Volatile.Read(ref endpoint.LastDelivery), Volatile.Read(ref _since))),
            Volatile.Read(ref endpoint.InFlight),
            channel is null ? null : channel.Channel.IsOpen && channel.ConnectionContext.Connection.IsOpen);
    }

    /// <summary>Forgets what the bus did before its restart: deliveries of the old channels that never finished no longer
    /// count, the quiet time starts again, and so does the relay's run of failures.</summary>
    internal void Restarted()
    {
        Volatile.Write(ref _since, Stopwatch.GetTimestamp());
        Volatile.Write(ref _publishingFailingSince, NotFailing);
        _endpoints.Clear();
    }

    /// <summary>The channels the endpoints consuming <paramref name="queues"/> last received on, where their connection
    /// is gone: channels RabbitMQ.Client may never have told about it.</summary>
    internal IReadOnlyList<RabbitMQ.Client.IChannel> DeadChannelsOf(IEnumerable<string> queues) =>
    [
        .. queues.Select(queue => _endpoints.TryGetValue(queue, out var endpoint) ? Volatile.Read(ref endpoint.Channel) : null)
            .Where(channel => channel is not null && !channel.ConnectionContext.Connection.IsOpen)
            .Select(channel => channel!.Channel).Distinct(),
    ];

    public Task PreReceive(ReceiveContext context)
    {
        var endpoint = _endpoints.GetOrAdd(QueueOf(context), _ => new Endpoint());
        Volatile.Write(ref endpoint.LastDelivery, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref endpoint.InFlight);
        if (context.TryGetPayload<ChannelContext>(out var channel))
        {
            Volatile.Write(ref endpoint.Channel, channel);
        }
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Finished(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Finished(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    private Task Finished(ReceiveContext context)
    {
        if (_endpoints.TryGetValue(QueueOf(context), out var endpoint) && Interlocked.Decrement(ref endpoint.InFlight) < 0)
        {
            Interlocked.Exchange(ref endpoint.InFlight, 0); // began before a restart cleared the count
        }
        return Task.CompletedTask;
    }

    // rabbitmq://host/vhost/queue-name: the queue is the last segment.
    private static string QueueOf(ReceiveContext context) => context.InputAddress.AbsolutePath.Split('/')[^1];

    private sealed class Endpoint
    {
        public long LastDelivery;
        public int InFlight;
        public ChannelContext? Channel;
    }
}

/// <summary>An endpoint's deliveries: time since the last one began (or since start), how many are unfinished, and
/// whether their channel is open (null: no delivery seen yet).</summary>
public sealed record EndpointState(TimeSpan Quiet, int InFlight, bool? ChannelOpen)
{
    /// <summary>Stalled: messages wait in its queue, none has reached it for <paramref name="stallAfter"/>, and it is not
    /// busy on a live channel (slow consumers or in-process retries hold their slots on an open channel; that is work,
    /// not a stall).</summary>
    public bool IsStalled(uint ready, TimeSpan stallAfter) =>
        ready > 0 && Quiet >= stallAfter && (InFlight == 0 || ChannelOpen == false);
}
