namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>The relay's publishes awaiting their confirm: at most <see cref="Size"/> at once. The relay claims only what
/// fits, so a claimed row is published at once and its lease never runs out while it waits in this process.</summary>
internal sealed class PublishWindow
{
    /// <summary>Below RabbitMQ.Client's outgoing frame queue (128 per connection, one entry per publish): even when the
    /// connection's socket writer has died, every publish fits in the queue and none blocks holding the channel's
    /// confirm lock, which the connection's shutdown waits for (docs/messaging.md, "Why a broker crash stalled it").</summary>
    public const int Size = 100;

    // A claim waits for this much room unless nothing is in flight: fewer, fuller claims under load, no wait when idle.
    private const int WorthClaiming = Size / 4;

    private readonly Lock _lock = new();
    private int _inFlight;
    private TaskCompletionSource _changed = NewSignal();

    public int Free
    {
        get { lock (_lock) return Size - _inFlight; }
    }

    /// <summary>Waits until a claim is worth making: nothing in flight, or a quarter of the window free.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_inFlight == 0 || Size - _inFlight >= WorthClaiming) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until every publish in flight has ended (each does within its timeout).</summary>
    public async Task DrainedAsync()
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_inFlight == 0) return;
                changed = _changed.Task;
            }
            await changed;
        }
    }

    public void Take(int count)
    {
        lock (_lock) _inFlight += count;
    }

    public void Release()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _inFlight--;
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
