using Studios.Dashboard.Otlp.Proto.Metrics;

namespace Studios.Dashboard.Otlp;

/// <summary>Rewrites an exponential histogram's positive buckets as explicit bounds, so one percentile routine serves both.
/// Bucket k of scale s holds (base^k, base^(k+1)] with base = 2^(2^-s); zero_count becomes the first bucket.</summary>
internal static class ExponentialBuckets
{
    public static MetricPoint ToExplicit(ExponentialHistogramDataPoint point)
    {
        var scaleBase = Math.Pow(2, Math.Pow(2, -point.Scale));
        var positive = point.Positive?.BucketCounts ?? [];
        var offset = point.Positive?.Offset ?? 0;
        var bounds = new List<double> { point.ZeroThreshold };
        var counts = new List<ulong> { point.ZeroCount };
        if (positive.Count > 0)
        {
            bounds.Add(Math.Pow(scaleBase, offset));
            counts.Add(0);
            for (var i = 0; i < positive.Count; i++)
            {
                bounds.Add(Math.Pow(scaleBase, offset + i + 1));
                counts.Add(positive[i]);
            }
        }
        counts.Add(0);
        return new MetricPoint
        {
            Time = OtlpValues.Time(point.TimeUnixNano),
            StartTime = OtlpValues.Time(point.StartTimeUnixNano),
            Count = point.Count,
            Sum = point.HasSum ? point.Sum : null,
            Min = point.HasMin ? point.Min : null,
            Max = point.HasMax ? point.Max : null,
            Bounds = bounds,
            BucketCounts = counts,
        };
    }
}
