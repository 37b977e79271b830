namespace Studios.Scheduling.Data;

/// <summary>Keyset position in a studio's list of series, oldest first.</summary>
public sealed record SeriesKey(DateTimeOffset CreatedAt, Guid Id);
