using Studios.ServiceDefaults.Options;

namespace Studios.Stewardship.Extensions;

/// <summary>Stewardship's own settings (section "Stewardship"), checked at start-up.</summary>
public sealed class StewardshipOptions
{
    public const string Section = "Stewardship";

    /// <summary>How often every active studio's health is re-evaluated: "dormant" becomes true with time alone.</summary>
    [Positive]
    public TimeSpan HealthSweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many due studios the health sweep claims and evaluates in one transaction.</summary>
    [Positive]
    public int HealthSweepBatch { get; set; } = 50;

    /// <summary>How often the studio count gauges are refreshed from the database (besides after each change).</summary>
    [Positive]
    public TimeSpan CountsRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
