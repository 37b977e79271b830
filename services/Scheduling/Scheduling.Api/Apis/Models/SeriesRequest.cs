using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Scheduling.Extensions;

namespace Studios.Scheduling.Apis.Models;

/// <summary>A series as a facilitator defines it. TimeZone and Capacity default to the studio's, FacilitatorId to the caller;
/// the end is either in the rule (UNTIL/COUNT) or in Until/Count.</summary>
public sealed record SeriesRequest(
    string? Title,
    string? Rule,
    DateOnly? StartDate,
    TimeOnly? StartTime,
    int? DurationMinutes,
    string? TimeZone,
    string? Location,
    string? OnlineUrl,
    int? Capacity,
    IReadOnlyList<DateOnly>? ExceptionDates,
    DateOnly? Until,
    int? Count,
    Guid? FacilitatorId)
{
    /// <summary>The checked definition, or null with every problem in <paramref name="errors"/>.</summary>
    public SeriesDefinition? Validate(StudioRow studio, Guid caller, DateOnly? notBefore, DateTimeOffset now, SchedulingOptions options,
        FieldErrors errors)
    {
        var capacity = Capacity ?? studio.Capacity;
        SeriesRules.Describe(errors, Title, Location, OnlineUrl, capacity);
        if (capacity is null) errors.Add("capacity", "is required: the studio's capacity is not known yet.");
        var startDate = notBefore is not null && StartDate < notBefore ? notBefore : StartDate;
        var schedule = SeriesRules.Schedule(
            new ScheduleInput(Rule, TimeZone ?? studio.TimeZone, startDate, StartTime, DurationMinutes, ExceptionDates, Until, Count),
            now, options.Horizon, options.MaxSessionsInHorizon, errors);
        if (errors.Any || schedule is null) return null;
        return new SeriesDefinition(Title!.Trim(), schedule, Blank(Location), Blank(OnlineUrl), capacity!.Value, FacilitatorId ?? caller);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
