namespace Studios.AppHost.Hosting;

/// <summary>Exponential delay between restarts (1 s, 2 s, 4 s ... 30 s), back to the start once a run lasted a while.</summary>
public sealed class Backoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private readonly TimeSpan _stableAfter;
    private TimeSpan _next;

    public Backoff(TimeSpan first, TimeSpan max, TimeSpan stableAfter)
    {
        (_first, _max, _stableAfter) = (first, max, stableAfter);
        _next = first;
    }

    public static Backoff ForRestarts() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

    /// <param name="lastRun">How long the instance that just ended had been running.</param>
    public TimeSpan Next(TimeSpan lastRun)
    {
        if (lastRun >= _stableAfter) _next = _first;
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _max.Ticks));
        return delay;
    }
}
