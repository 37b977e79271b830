using Studios.Scheduling.Data;

namespace Studios.Scheduling.Apis.Models;

public sealed record SeriesResponse(
    Guid Id,
    Guid StudioId,
    string Title,
    string Rule,
    DateOnly StartDate,
    TimeOnly StartTime,
    int DurationMinutes,
    string TimeZone,
    IReadOnlyList<DateOnly> ExceptionDates,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    Guid? FacilitatorId,
    Guid? PreviousSeriesId,
    int Sequence,
    int Version)
{
    public static SeriesResponse From(SeriesRow row)
    {
        var schedule = row.Schedule;
        return new SeriesResponse(row.Id, row.StudioId, row.Title, row.Rule, schedule.StartDate, schedule.StartTime,
            row.DurationMinutes, row.TimeZone, schedule.ExceptionDates, row.Location, row.OnlineUrl, row.Capacity,
            row.FacilitatorId, row.PreviousSeriesId, row.Sequence, row.Version);
    }
}
