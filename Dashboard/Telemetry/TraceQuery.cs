namespace Studios.Dashboard.Telemetry;

/// <summary>Filters of the traces list; empty ones match everything.</summary>
public sealed record TraceQuery(
    string? Resource = null,
    string? Name = null,
    double? MinDurationMs = null,
    bool ErrorsOnly = false,
    int Offset = 0,
    int Limit = 50);
