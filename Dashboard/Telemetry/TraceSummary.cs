namespace Studios.Dashboard.Telemetry;

/// <summary>One line of the traces list.</summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Services)
{
    internal static TraceSummary Empty(string traceId) =>
        new(traceId, "", "", DateTimeOffset.MinValue, 0, 0, 0, []);

    /// <summary>Summarises spans sorted by start; the root is the earliest span whose parent is not in the trace.</summary>
    internal static TraceSummary Of(string traceId, IReadOnlyList<SpanRecord> spans)
    {
        if (spans.Count == 0)
        {
            return Empty(traceId);
        }
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)) ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        var services = spans.Select(s => s.Resource.ServiceName).Distinct().ToArray();
        return new TraceSummary(
            traceId,
            root.Name,
            root.Resource.ServiceName,
            start,
            Math.Max(0, (end - start).TotalMilliseconds),
            spans.Count,
            spans.Count(s => s.IsError),
            services);
    }
}
