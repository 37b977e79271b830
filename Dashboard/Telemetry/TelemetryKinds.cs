namespace Studios.Dashboard.Telemetry;

/// <summary>What changed, as the live-update stream tells the pages.</summary>
[Flags]
public enum TelemetryKinds
{
    None = 0,
    Traces = 1,
    Logs = 2,
    Metrics = 4,
    Resources = 8,
}
