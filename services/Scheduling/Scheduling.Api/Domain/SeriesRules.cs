using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Studios.ServiceDefaults.Validation;

namespace Studios.Scheduling.Domain;

/// <summary>What makes a series valid, and its normal form: DTSTART on the first date the rule produces, UNTIL as the
/// UTC end of its local day (what RFC 5545 wants with a zoned DTSTART), and a bounded number of sessions per horizon.</summary>
public static class SeriesRules
{
    public const int MaxTitle = 200;
    public const int MaxLocation = 300;
    public const int MaxUrl = 500;
    public const int MaxCapacity = 1000;
    public const int MaxCount = 1000;
    public const int MaxExceptionDates = 200;
    public const int MaxDurationMinutes = 24 * 60;

    /// <summary>The checked, normalised schedule, or null with the reasons in <paramref name="errors"/>.</summary>
    public static SeriesSchedule? Schedule(
        ScheduleInput input, DateTimeOffset now, TimeSpan horizon, int maxSessionsInHorizon, FieldErrors errors)
    {
        var pattern = RecurrenceRules.Parse(input.Rule, out var ruleError);
        if (ruleError is not null) errors.Add("rule", ruleError);
        if (!IanaTimeZones.IsValid(input.TimeZone)) errors.Add("timeZone", "must be an IANA time zone id, e.g. Europe/Berlin.");
        if (input.StartDate is null) errors.Add("startDate", "is required (YYYY-MM-DD).");
        else if (input.StartDate.Value.Year is < 2000 or > 2200) errors.Add("startDate", "must be between the years 2000 and 2200.");
        if (input.StartTime is null) errors.Add("startTime", "is required (HH:MM, local time in timeZone).");
        if (input.DurationMinutes is null) errors.Add("durationMinutes", "is required.");
        else if (input.DurationMinutes is <= 0 or > MaxDurationMinutes)
            errors.Add("durationMinutes", $"must be more than 0 and at most {MaxDurationMinutes} (24 hours).");
        if (input.ExceptionDates is { Count: > MaxExceptionDates })
            errors.Add("exceptionDates", $"must have at most {MaxExceptionDates} dates.");
        if (input.Count is not null && input.Count is < 1 or > MaxCount)
            errors.Add("count", $"must be between 1 and {MaxCount}.");
        if (input.Until is not null && input.Count is not null)
            errors.Add("until", "must not be given together with count.");
        if (input.Until is not null && input.StartDate is not null && input.Until < input.StartDate)
            errors.Add("until", "must not be before startDate: the series would end before it starts.");
        if (pattern is not null && (input.Until is not null || input.Count is not null) && (pattern.Until is not null || pattern.Count is not null))
            errors.Add("rule", "already has UNTIL or COUNT: give the end either in the rule or in until/count.");
        if (errors.Any || pattern is null) return null;

        var draft = new SeriesSchedule(pattern.ToString()!, input.TimeZone!, input.StartDate!.Value, input.StartTime!.Value,
            input.DurationMinutes!.Value, (input.ExceptionDates ?? []).Distinct().Order().ToList());

        if (input.Count is not null) pattern.Count = input.Count;
        if (input.Until is not null) pattern.Until = Utc(draft.EndOfLocalDay(input.Until.Value));
        else if (pattern.Until is { } until && !until.IsUtc)
        {
            // A date (or floating time) UNTIL is read as the end of that day (or that time) in the series' zone.
            pattern.Until = Utc(until.HasTime ? new CalDateTime(until.Date, until.Time, draft.TimeZone).AsUtc : draft.EndOfLocalDay(until.Date));
        }
        if (pattern.Until is not null && pattern.Until.AsUtc < draft.LocalStart.AsUtc)
        {
            errors.Add("rule", "UNTIL is before startDate: the series would end before it starts.");
            return null;
        }
        draft = draft with { Rule = pattern.ToString()! };

        SessionSlot? first;
        try
        {
            first = draft.FirstByRule();
        }
        catch (EvaluationException)
        {
            errors.Add("rule", "never produces a session (e.g. a day that does not exist in any month).");
            return null;
        }
        if (first is null)
        {
            errors.Add("rule", "produces no session on or after startDate.");
            return null;
        }
        // RFC 5545 counts DTSTART as an occurrence even when the rule does not match it; start on the first match instead.
        var schedule = draft with { StartDate = first.LocalDate };

        var windowStart = Max(schedule.StartOfLocalDay(now), first.StartsAt);
        var inHorizon = schedule.Between(windowStart, now + horizon, maxSessionsInHorizon + 1).Count;
        if (inHorizon > maxSessionsInHorizon)
        {
            errors.Add("rule", $"produces more than {maxSessionsInHorizon} sessions within the scheduling horizon " +
                $"of {horizon.TotalDays / 7:0.#} weeks: too many to schedule.");
            return null;
        }
        return schedule;
    }

    /// <summary>Checks the descriptive fields a series and its sessions share.</summary>
    public static void Describe(FieldErrors errors, string? title, string? location, string? onlineUrl, int? capacity)
    {
        errors.Text(title, "title", MaxTitle);
        errors.Text(location, "location", MaxLocation, required: false);
        if (!string.IsNullOrWhiteSpace(onlineUrl))
        {
            errors.Check(onlineUrl.Length <= MaxUrl, "onlineUrl", $"must be at most {MaxUrl} characters.");
            errors.Check(Uri.TryCreate(onlineUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http",
                "onlineUrl", "must be an absolute http or https URL.");
        }
        if (capacity is not null) errors.Check(capacity is >= 1 and <= MaxCapacity, "capacity", $"must be between 1 and {MaxCapacity}.");
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
