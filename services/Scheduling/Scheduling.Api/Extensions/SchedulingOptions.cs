using System.ComponentModel.DataAnnotations;
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

    /// <summary>The address calendar apps reach this service at, for the absolute feed URLs it hands out; when empty,
    /// the request's own scheme and host.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
