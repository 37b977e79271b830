using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Data;

/// <summary>A series as stored (properties, not a positional record: Npgsql reports date[] as System.Array, which
/// Dapper's constructor matching does not accept).</summary>
public sealed record SeriesRow
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public string Title { get; init; } = "";
    public string Rule { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public TimeOnly StartTime { get; init; }
    public int DurationMinutes { get; init; }
    public DateOnly[] ExceptionDates { get; init; } = [];
    public string? Location { get; init; }
    public string? OnlineUrl { get; init; }
    public int Capacity { get; init; }
    public Guid? FacilitatorId { get; init; }
    public Guid? PreviousSeriesId { get; init; }
    public int Sequence { get; init; }
    public int Version { get; init; }
    public DateTime? MaterialisedUntil { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public SeriesSchedule Schedule => new(Rule, TimeZone, StartDate, StartTime, DurationMinutes, ExceptionDates);

    public FeedSeries ToFeed() => new(Id, Title, Schedule, Location, OnlineUrl, Sequence, DapperTimestamps.Utc(UpdatedAt));
}
