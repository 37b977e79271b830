namespace Studios.Dashboard.Telemetry;

/// <summary>The newest traces, at most MaxTraces of them: a new trace id pushes out the oldest trace.</summary>
public sealed class TraceStore(int maxTraces, int maxSpansPerTrace)
{
    private readonly Lock gate = new();
    private readonly RingBuffer<TraceRecord> order = new(maxTraces);
    private readonly Dictionary<string, TraceRecord> byId = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return order.Count;
            }
        }
    }

    public void Add(IEnumerable<SpanRecord> spans)
    {
        var byTrace = spans.GroupBy(s => s.TraceId).ToArray();
        lock (gate)
        {
            foreach (var group in byTrace)
            {
                if (!byId.TryGetValue(group.Key, out var trace))
                {
                    trace = new TraceRecord(group.Key);
                    byId[group.Key] = trace;
                    if (order.Add(trace, out var evicted) && evicted is not null)
                    {
                        byId.Remove(evicted.TraceId);
                    }
                }
                trace.Add(group.ToArray(), maxSpansPerTrace);
            }
        }
    }

    public Page<TraceSummary> Query(TraceQuery query)
    {
        TraceRecord[] all;
        lock (gate)
        {
            all = order.NewestFirst();
        }
        var matches = all
            .Where(t => Matches(t, query))
            .Select(t => t.Summary)
            .OrderByDescending(s => s.Start)
            .ToArray();
        return Page<TraceSummary>.Of(matches, query.Offset, query.Limit);
    }

    public TraceDetail? Find(string traceId)
    {
        TraceRecord? trace;
        lock (gate)
        {
            byId.TryGetValue(traceId.ToLowerInvariant(), out trace);
        }
        return trace is null ? null : new TraceDetail(trace.Summary, trace.Spans);
    }

    private static bool Matches(TraceRecord trace, TraceQuery query)
    {
        var summary = trace.Summary;
        if (query.ErrorsOnly && summary.ErrorCount == 0)
        {
            return false;
        }
        if (query.MinDurationMs is { } min && summary.DurationMs < min)
        {
            return false;
        }
        var spans = trace.Spans;
        if (!string.IsNullOrEmpty(query.Resource) && !spans.Any(s => s.Resource.Matches(query.Resource)))
        {
            return false;
        }
        return string.IsNullOrEmpty(query.Name)
            || spans.Any(s => s.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
    }
}
