namespace Studios.Dashboard.Telemetry;

/// <summary>The spans of one trace seen so far. Spans are replaced as a whole (copy on write) so readers need no lock.</summary>
internal sealed class TraceRecord(string traceId)
{
    private volatile SpanRecord[] spans = [];
    private volatile TraceSummary? summary;

    public string TraceId { get; } = traceId;

    public IReadOnlyList<SpanRecord> Spans => spans;

    public TraceSummary Summary => summary ?? TraceSummary.Empty(TraceId);

    /// <summary>Called under the store's lock; keeps at most <paramref name="maxSpans"/> spans, first come first kept.</summary>
    public void Add(IReadOnlyList<SpanRecord> incoming, int maxSpans)
    {
        var current = spans;
        var room = Math.Max(0, maxSpans - current.Length);
        if (room == 0)
        {
            return;
        }
        var merged = new SpanRecord[current.Length + Math.Min(room, incoming.Count)];
        current.CopyTo(merged, 0);
        for (var i = current.Length; i < merged.Length; i++)
        {
            merged[i] = incoming[i - current.Length];
        }
        Array.Sort(merged, (a, b) => a.Start.CompareTo(b.Start));
        spans = merged;
        summary = TraceSummary.Of(TraceId, merged);
    }
}
