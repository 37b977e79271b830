using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using MassTransit.RabbitMqTransport;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>What this process's receive endpoints are doing, as their deliveries show it: when the last one started, how
/// many are in flight and whether the channel they came on is still open. The stall detector's evidence.</summary>
public sealed class BusActivity : IReceiveObserver
{
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly long _since = Stopwatch.GetTimestamp();

    /// <summary>The endpoint consuming <paramref name="queue"/>, as seen now.</summary>
    public EndpointState StateOf(string queue)
    {
        if (!_endpoints.TryGetValue(queue, out var endpoint))
        {
            return new EndpointState(Stopwatch.GetElapsedTime(_since), 0, ChannelOpen: null);
        }
        var channel = Volatile.Read(ref endpoint.Channel);
        return new EndpointState(
            Stopwatch.GetElapsedTime(Math.Max(Volatile.Read(ref endpoint.LastDelivery), _since)),
            Volatile.Read(ref endpoint.InFlight),
            channel is null ? null : channel.Channel.IsOpen && channel.ConnectionContext.Connection.IsOpen);
    }

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
        if (_endpoints.TryGetValue(QueueOf(context), out var endpoint)) Interlocked.Decrement(ref endpoint.InFlight);
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
