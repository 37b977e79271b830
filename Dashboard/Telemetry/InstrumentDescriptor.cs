namespace Studios.Dashboard.Telemetry;

/// <summary>What an instrument is. Type: Gauge, Sum or Histogram; Temporality: Cumulative or Delta.</summary>
public sealed record InstrumentDescriptor(
    string Name,
    string Description,
    string Unit,
    string Type,
    bool IsMonotonic = false,
    string Temporality = "Cumulative");
