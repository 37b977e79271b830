namespace Studios.Dashboard.Telemetry;

/// <summary>One page of a newest-first list: Total counts every match, Items holds at most Limit of them from Offset.</summary>
public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items)
{
    public static Page<T> Of(IReadOnlyList<T> matches, int offset, int limit)
    {
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 1, 1000);
        var items = matches.Skip(offset).Take(limit).ToArray();
        return new Page<T>(matches.Count, offset, limit, items);
    }
}
