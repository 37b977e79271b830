namespace Studios.Scheduling.Domain;

/// <summary>The "when" of a series as a facilitator writes it; <see cref="SeriesRules.Schedule"/> checks and normalises it.</summary>
public sealed record ScheduleInput(
    string? Rule,
    string? TimeZone,
    DateOnly? StartDate,
    TimeOnly? StartTime,
    int? DurationMinutes,
    IReadOnlyList<DateOnly>? ExceptionDates,
    DateOnly? Until,
    int? Count);
