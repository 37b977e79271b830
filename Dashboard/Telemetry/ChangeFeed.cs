using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Studios.Dashboard.Telemetry;

/// <summary>Fans "something changed" out to every live page; a writer never blocks on a slow reader.</summary>
public sealed class ChangeFeed
{
    private readonly ConcurrentDictionary<ChannelWriter<TelemetryKinds>, byte> subscribers = new();

    public void Publish(TelemetryKinds kinds)
    {
        foreach (var subscriber in subscribers.Keys)
        {
            subscriber.TryWrite(kinds);
        }
    }

    /// <summary>Writes every change to <paramref name="writer"/> until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(ChannelWriter<TelemetryKinds> writer)
    {
        subscribers.TryAdd(writer, 0);
        return new Subscription(() => subscribers.TryRemove(writer, out _));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
