namespace Studios.Dashboard.Telemetry;

/// <summary>Percentiles estimated from explicit bucket counts, interpolating linearly inside the bucket that holds the rank
/// (as Prometheus's histogram_quantile does); the recorded min and max, when sent, bound the first and overflow buckets.</summary>
public static class HistogramPercentiles
{
    /// <param name="bounds">Upper bounds of all buckets but the last (OTLP's explicit_bounds).</param>
    /// <param name="counts">bounds.Count + 1 counts; bucket i holds values in (bounds[i-1], bounds[i]].</param>
    /// <param name="quantile">Between 0 and 1, e.g. 0.99.</param>
    public static double? Quantile(IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, double quantile, double? min = null, double? max = null)
    {
        ulong total = 0;
        foreach (var count in counts)
        {
            total += count;
        }
        if (total == 0 || counts.Count != bounds.Count + 1)
        {
            return null;
        }
        var rank = Math.Clamp(quantile, 0, 1) * total;
        double before = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            var count = counts[i];
            if (count == 0 || before + count < rank)
            {
                before += count;
                continue;
            }
            var lower = i == 0 ? Math.Min(0, bounds.Count > 0 ? bounds[0] : 0) : bounds[i - 1];
            var upper = i < bounds.Count ? bounds[i] : (max ?? bounds[^1]);
            if (min is { } low)
            {
                lower = Math.Max(lower, low);
            }
            if (max is { } high)
            {
                upper = Math.Min(upper, high);
            }
            upper = Math.Max(upper, lower);
            return lower + (upper - lower) * ((rank - before) / count);
        }
        return max;
    }

    public static PercentileSet? Of(IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, double? min = null, double? max = null)
    {
        var p50 = Quantile(bounds, counts, 0.50, min, max);
        return p50 is null
            ? null
            : new PercentileSet(p50.Value, Quantile(bounds, counts, 0.90, min, max)!.Value, Quantile(bounds, counts, 0.99, min, max)!.Value);
    }
}

public sealed record PercentileSet(double P50, double P90, double P99);
