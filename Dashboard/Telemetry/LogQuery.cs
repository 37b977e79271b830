namespace Studios.Dashboard.Telemetry;

/// <summary>Filters of the structured logs; empty ones match everything.</summary>
public sealed record LogQuery(
    string? Resource = null,
    string? MinSeverity = null,
    string? Text = null,
    string? TraceId = null,
    long? AfterId = null,
    int Offset = 0,
    int Limit = 100);
