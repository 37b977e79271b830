using Studios.ServiceDefaults.Options;

namespace Studios.Scheduling.Extensions;

/// <summary>Scheduling settings (section "Scheduling"), checked at start-up.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How far ahead occurrences exist as sessions.</summary>
    [Positive]
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(7 * 12);

    /// <summary>How often the background job extends the horizon.</summary>
    [Positive]
    public TimeSpan MaterialiseInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A rule producing more sessions than this within the horizon is refused as unbounded-and-huge.</summary>
    [Positive]
    public int MaxSessionsInHorizon { get; set; } = 100;
}
