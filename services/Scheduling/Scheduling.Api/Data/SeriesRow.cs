using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Data;

public sealed record SeriesRow(
    Guid Id,
    Guid StudioId,
    string Title,
    string Rule,
    string TimeZone,
    DateTime StartDate,
    TimeSpan StartTime,
    int DurationMinutes,
    DateTime[] ExceptionDates,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    Guid? FacilitatorId,
    Guid? PreviousSeriesId,
    int Sequence,
    int Version,
    DateTime? MaterialisedUntil,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public SeriesSchedule Schedule => new(Rule, TimeZone, DateOnly.FromDateTime(StartDate), TimeOnly.FromTimeSpan(StartTime),
        DurationMinutes, ExceptionDates.Select(DateOnly.FromDateTime).ToList());

    public FeedSeries ToFeed() => new(Id, Title, Schedule, Location, OnlineUrl, Sequence, Utc(UpdatedAt));

    internal static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
