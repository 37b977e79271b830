namespace Studios.Dashboard.Telemetry;

/// <summary>The points of one instrument for one attribute set, newest kept. Guarded by the metric store's lock.</summary>
internal sealed class MetricSeries(IReadOnlyDictionary<string, string> attributes, int maxPoints)
{
    private readonly RingBuffer<MetricPoint> points = new(maxPoints);

    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    public void Add(MetricPoint point) => points.Add(point, out _);

    public SeriesView View(InstrumentDescriptor instrument)
    {
        var oldestFirst = points.NewestFirst().Reverse().ToArray();
        if (instrument.Type != "Histogram")
        {
            return new SeriesView(Attributes, oldestFirst.Select(p => new PointView(p.Time, p.Value)).ToArray(), null);
        }
        var cumulative = instrument.Temporality == "Cumulative";
        var views = new PointView[oldestFirst.Length];
        for (var i = 0; i < oldestFirst.Length; i++)
        {
            var point = oldestFirst[i];
            var interval = cumulative && i > 0 ? Interval(oldestFirst[i - 1], point) : point.BucketCounts;
            var percentiles = HistogramPercentiles.Of(point.Bounds, interval, point.Min, point.Max);
            views[i] = new PointView(point.Time, null, point.Count, point.Sum, point.Min, point.Max,
                percentiles?.P50, percentiles?.P90, percentiles?.P99);
        }
        return new SeriesView(Attributes, views, Overall(oldestFirst, cumulative));
    }

    /// <summary>The counts recorded between two cumulative points; the newer point alone when the series was reset.</summary>
    internal static IReadOnlyList<ulong> Interval(MetricPoint previous, MetricPoint current)
    {
        if (previous.StartTime != current.StartTime
            || previous.BucketCounts.Count != current.BucketCounts.Count
            || !previous.Bounds.SequenceEqual(current.Bounds))
        {
            return current.BucketCounts;
        }
        var delta = new ulong[current.BucketCounts.Count];
        for (var i = 0; i < delta.Length; i++)
        {
            if (current.BucketCounts[i] < previous.BucketCounts[i])
            {
                return current.BucketCounts;
            }
            delta[i] = current.BucketCounts[i] - previous.BucketCounts[i];
        }
        return delta;
    }

    private static PercentileSet? Overall(MetricPoint[] oldestFirst, bool cumulative)
    {
        if (oldestFirst.Length == 0)
        {
            return null;
        }
        var newest = oldestFirst[^1];
        if (cumulative)
        {
            return HistogramPercentiles.Of(newest.Bounds, newest.BucketCounts, newest.Min, newest.Max);
        }
        var sameBounds = oldestFirst.Where(p => p.Bounds.SequenceEqual(newest.Bounds)).ToArray();
        var total = new ulong[newest.BucketCounts.Count];
        foreach (var point in sameBounds)
        {
            for (var i = 0; i < total.Length && i < point.BucketCounts.Count; i++)
            {
                total[i] += point.BucketCounts[i];
            }
        }
        return HistogramPercentiles.Of(newest.Bounds, total, sameBounds.Min(p => p.Min), sameBounds.Max(p => p.Max));
    }
}
