namespace Studios.Dashboard.Telemetry;

/// <summary>The metrics tree: resource → meter (instrumentation scope) → instrument.</summary>
public sealed record MetricResourceView(string Resource, string ServiceName, IReadOnlyList<MeterView> Meters);

public sealed record MeterView(string Name, IReadOnlyList<InstrumentDescriptor> Instruments);

/// <summary>One instrument's series over time, one per attribute set.</summary>
public sealed record InstrumentView(string Resource, string Meter, InstrumentDescriptor Instrument, IReadOnlyList<SeriesView> Series);

/// <summary>Overall: for histograms, percentiles of everything the series holds (the newest cumulative point, or all delta points).</summary>
public sealed record SeriesView(IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<PointView> Points, PercentileSet? Overall);

/// <summary>A point as the chart draws it; for histograms, P50/P90/P99 of the values recorded in that point's interval.</summary>
public sealed record PointView(
    DateTimeOffset Time,
    double? Value,
    ulong? Count = null,
    double? Sum = null,
    double? Min = null,
    double? Max = null,
    double? P50 = null,
    double? P90 = null,
    double? P99 = null);
