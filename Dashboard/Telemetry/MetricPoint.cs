namespace Studios.Dashboard.Telemetry;

/// <summary>One data point of a series: Value for gauges and sums; Count, Sum, Min, Max and buckets for histograms.</summary>
public sealed record MetricPoint
{
    public required DateTimeOffset Time { get; init; }
    public DateTimeOffset StartTime { get; init; }
    public double? Value { get; init; }
    public ulong Count { get; init; }
    public double? Sum { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public IReadOnlyList<double> Bounds { get; init; } = [];
    public IReadOnlyList<ulong> BucketCounts { get; init; } = [];
}
