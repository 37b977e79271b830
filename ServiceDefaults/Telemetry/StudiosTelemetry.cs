using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Studios.ServiceDefaults.Telemetry;

/// <summary>Names of our own activity sources and meters, so every service's are collected by one wildcard.</summary>
public static class StudiosTelemetry
{
    public const string SourcePrefix = "Studios.";
    public const string MeterPrefix = "Studios.";

    /// <summary>The activity source shared by the messaging infrastructure (outbox relay, inbox).</summary>
    public static readonly ActivitySource Messaging = new(SourcePrefix + "Messaging");

    /// <summary>The activity source of the interval jobs (a span per pass that changed something).</summary>
    public static readonly ActivitySource Jobs = new(SourcePrefix + "Jobs");

    /// <summary>The meter shared by the messaging infrastructure.</summary>
    public static readonly Meter MessagingMeter = new(MeterPrefix + "Messaging");
}
