namespace Studios.Dashboard.Telemetry;

/// <summary>A trace with all its spans, sorted by start.</summary>
public sealed record TraceDetail(TraceSummary Summary, IReadOnlyList<SpanRecord> Spans);
