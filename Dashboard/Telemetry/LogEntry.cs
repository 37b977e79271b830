namespace Studios.Dashboard.Telemetry;

/// <summary>One structured log record. Id grows with arrival, so a page can ask for what came after the last it saw.</summary>
public sealed record LogEntry
{
    public long Id { get; init; }
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>OTLP's severity number, 1..24 (0 when the sender gave none).</summary>
    public int SeverityNumber { get; init; }

    /// <summary>Trace, Debug, Information, Warning, Error, Critical, or the sender's text when it gave no number.</summary>
    public required string Severity { get; init; }
    public required string Message { get; init; }
    public required TelemetryResource Resource { get; init; }

    /// <summary>The instrumentation scope: for .NET's ILogger, the category.</summary>
    public string Scope { get; init; } = "";
    public string? TraceId { get; init; }
    public string? SpanId { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
