namespace Studios.Scheduling.Extensions;

/// <summary>Scheduling settings (section "Scheduling").</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How far ahead occurrences exist as sessions.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(7 * 12);

    /// <summary>How often the background job extends the horizon.</summary>
    public TimeSpan MaterialiseInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A rule producing more sessions than this within the horizon is refused as unbounded-and-huge.</summary>
    public int MaxSessionsInHorizon { get; set; } = 100;
}
