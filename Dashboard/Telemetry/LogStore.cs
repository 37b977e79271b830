namespace Studios.Dashboard.Telemetry;

/// <summary>The newest log records, at most MaxLogRecords of them.</summary>
public sealed class LogStore(int maxLogRecords)
{
    private readonly Lock gate = new();
    private readonly RingBuffer<LogEntry> entries = new(maxLogRecords);
    private long lastId;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public void Add(IEnumerable<LogEntry> records)
    {
        lock (gate)
        {
            foreach (var record in records)
            {
                entries.Add(record with { Id = ++lastId }, out _);
            }
        }
    }

    public Page<LogEntry> Query(LogQuery query)
    {
        LogEntry[] all;
        lock (gate)
        {
            all = entries.NewestFirst();
        }
        var minimum = Severity.MinimumNumber(query.MinSeverity);
        var matches = all.Where(e =>
                e.Resource.Matches(query.Resource)
                && (minimum is null || e.SeverityNumber >= minimum)
                && (query.AfterId is null || e.Id > query.AfterId)
                && (string.IsNullOrEmpty(query.TraceId) || string.Equals(e.TraceId, query.TraceId, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(query.Text) || ContainsText(e, query.Text)))
            .ToArray();
        return Page<LogEntry>.Of(matches, query.Offset, query.Limit);
    }

    private static bool ContainsText(LogEntry entry, string text) =>
        entry.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Scope.Contains(text, StringComparison.OrdinalIgnoreCase)
        || entry.Attributes.Values.Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase));
}
