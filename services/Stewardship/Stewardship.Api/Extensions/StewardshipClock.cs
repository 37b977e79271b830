namespace Studios.Stewardship.Extensions;

/// <summary>The time Stewardship's rules run at ("now" for lifecycle stamps and health windows). A type of its own so
/// a test can move Stewardship's time (a studio dormant after 30 days) without moving the host's (token lifetimes, timers).</summary>
public sealed class StewardshipClock(TimeProvider time)
{
    public DateTimeOffset UtcNow() => time.GetUtcNow();
}
