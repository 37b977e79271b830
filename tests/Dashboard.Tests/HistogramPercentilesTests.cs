namespace Studios.Dashboard.Tests;

public sealed class HistogramPercentilesTests
{
    // Buckets (-inf,10], (10,20], (20,50], (50,+inf) holding 10, 20, 30 and 40 values.
    private static readonly double[] Bounds = [10, 20, 50];
    private static readonly ulong[] Counts = [10, 20, 30, 40];

    [Theory]
    [InlineData(0.10, 10)]      // the 10th value ends the first bucket
    [InlineData(0.20, 15)]      // half-way through (10, 20]
    [InlineData(0.50, 40)]      // 20 of the 30 in (20, 50]: 20 + 30 * 2/3
    [InlineData(0.90, 87.5)]    // overflow bucket bounded by max = 100: 50 + 50 * 30/40
    [InlineData(0.99, 98.75)]
    [InlineData(1.00, 100)]
    public void Percentiles_interpolate_inside_the_bucket_that_holds_the_rank(double quantile, double expected)
    {
        Assert.Equal(expected, HistogramPercentiles.Quantile(Bounds, Counts, quantile, min: null, max: 100)!.Value, 9);
    }

    [Fact]
    public void Without_a_recorded_max_the_overflow_bucket_answers_its_lower_bound()
    {
        Assert.Equal(50, HistogramPercentiles.Quantile(Bounds, Counts, 0.99)!.Value, 9);
    }

    [Fact]
    public void The_first_bucket_starts_at_zero_or_at_the_recorded_min()
    {
        Assert.Equal(5, HistogramPercentiles.Quantile(Bounds, Counts, 0.05)!.Value, 9);
        Assert.Equal(7, HistogramPercentiles.Quantile(Bounds, Counts, 0.05, min: 4)!.Value, 9);
    }

    [Fact]
    public void Empty_buckets_are_skipped_and_no_values_mean_no_percentile()
    {
        Assert.Equal(35, HistogramPercentiles.Quantile(Bounds, [0, 0, 2, 0], 0.5)!.Value, 9);
        Assert.Null(HistogramPercentiles.Quantile(Bounds, [0, 0, 0, 0], 0.5));
        Assert.Null(HistogramPercentiles.Quantile(Bounds, [1, 2], 0.5));
        Assert.Null(HistogramPercentiles.Of(Bounds, [0, 0, 0, 0]));
    }

    [Fact]
    public void A_set_holds_p50_p90_and_p99()
    {
        var set = HistogramPercentiles.Of(Bounds, Counts, max: 100)!;

        Assert.Equal(new PercentileSet(40, 87.5, 98.75), set);
    }
}
