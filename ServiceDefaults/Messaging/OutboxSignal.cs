namespace Studios.ServiceDefaults.Messaging;

/// <summary>The in-process wake-up from <see cref="Outbox.EnqueueAsync{T}"/> to this process's relay. It fires at
/// enqueue, before the caller commits, so the relay looks again a few times over the next moments until the rows
/// are visible.</summary>
public sealed class OutboxSignal
{
    private long _signals;

    internal event Action? Enqueued;

    /// <summary>How many enqueues signalled the relay (a test's or a dashboard's curiosity).</summary>
    public long Count => Interlocked.Read(ref _signals);

    internal void Signal()
    {
        Interlocked.Increment(ref _signals);
        Enqueued?.Invoke();
    }
}
