namespace Studios.Testing;

/// <summary>The real clock moved forward by <see cref="Offset"/>: registered as a service's TimeProvider, it lets a test
/// make days pass for the service's rules (an invitation expiring, a studio going dormant). Timers still run in real time.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
