namespace Studios.Dashboard.Telemetry;

/// <summary>One span as the dashboard keeps it: ids in lower-case hex, times as UTC instants.</summary>
public sealed record SpanRecord
{
    public required string TraceId { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string Name { get; init; }

    /// <summary>Internal, Server, Client, Producer, Consumer or Unspecified.</summary>
    public required string Kind { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }

    /// <summary>Unset, Ok or Error.</summary>
    public string Status { get; init; } = "Unset";
    public string? StatusMessage { get; init; }
    public required TelemetryResource Resource { get; init; }
    public string Scope { get; init; } = "";
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SpanEvent> Events { get; init; } = [];
    public IReadOnlyList<SpanLink> Links { get; init; } = [];

    public double DurationMs => Math.Max(0, (End - Start).TotalMilliseconds);
    public bool IsError => Status == "Error";
}

public sealed record SpanEvent(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Attributes);

public sealed record SpanLink(string TraceId, string SpanId, IReadOnlyDictionary<string, string> Attributes);
