namespace Studios.Stewardship.Tests.Integration;

/// <summary>The real clock moved forward by <see cref="Offset"/>: lets a test make weeks pass for Stewardship's rules.</summary>
public sealed class ShiftedTime : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
