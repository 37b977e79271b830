using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace Studios.Scheduling.Domain;

/// <summary>When a series' sessions happen: an RRULE with EXDATEs from a local start date and time in an IANA zone.
/// Occurrences come from Ical.Net, so they keep their local time across daylight-saving changes.</summary>
public sealed record SeriesSchedule(
    string Rule,
    string TimeZone,
    DateOnly StartDate,
    TimeOnly StartTime,
    int DurationMinutes,
    IReadOnlyList<DateOnly> ExceptionDates)
{
    /// <summary>Bounds the search for a rule that never matches (e.g. BYMONTH=2;BYMONTHDAY=30).</summary>
    private static readonly EvaluationOptions Evaluation = new() { MaxUnmatchedIncrementsLimit = 5000 };

    public CalDateTime LocalStart => new(StartDate, StartTime, TimeZone);

    /// <summary>The series as an iCalendar VEVENT: DTSTART in the zone, DURATION, RRULE and EXDATEs.</summary>
    public CalendarEvent ToEvent(bool withExceptions = true)
    {
        var calendarEvent = new CalendarEvent
        {
            DtStart = LocalStart,
            Duration = Duration.FromMinutes(DurationMinutes),
            RecurrenceRule = new RecurrencePattern(Rule),
        };
        if (withExceptions)
        {
            foreach (var date in ExceptionDates.Order())
            {
                calendarEvent.ExceptionDates.Add(new CalDateTime(date, StartTime, TimeZone));
            }
        }
        return calendarEvent;
    }

    /// <summary>Occurrences starting in [from, to), at most <paramref name="limit"/> of them.</summary>
    /// <exception cref="EvaluationLimitExceededException">The rule searched too long without a match.</exception>
    public IReadOnlyList<SessionSlot> Between(DateTimeOffset from, DateTimeOffset to, int limit = int.MaxValue)
    {
        var start = new CalDateTime(from.UtcDateTime, CalDateTime.UtcTzId);
        var end = new CalDateTime(to.UtcDateTime, CalDateTime.UtcTzId);
        return ToEvent().GetOccurrences(start, Evaluation)
            .TakeWhileBefore(end)
            .Select(ToSlot)
            .Where(slot => slot.StartsAt >= from && slot.StartsAt < to)
            .Take(limit)
            .ToList();
    }

    /// <summary>The rule cut short so that it produces nothing from <paramref name="cutOff"/> on (COUNT stays a COUNT, anything
    /// else gets an UNTIL); null when it produces nothing before the cut either.</summary>
    public string? RuleEndingBefore(DateTimeOffset cutOff)
    {
        var rule = new RecurrencePattern(Rule);
        var start = new CalDateTime(LocalStart.AsUtc, CalDateTime.UtcTzId);
        var before = ToEvent(withExceptions: false).GetOccurrences(start, Evaluation)
            .TakeWhileBefore(new CalDateTime(cutOff.UtcDateTime, CalDateTime.UtcTzId))
            .Count();
        if (before == 0) return null;
        if (rule.Count is not null)
        {
            rule.Count = Math.Min(rule.Count.Value, before);
        }
        else if (rule.Until is null || rule.Until.AsUtc >= cutOff.UtcDateTime)
        {
            rule.Until = new CalDateTime(cutOff.UtcDateTime.AddSeconds(-1), CalDateTime.UtcTzId);
        }
        return rule.ToString();
    }

    /// <summary>A rule that produces nothing at all (UNTIL before the first start).</summary>
    public string EmptyRule()
    {
        var rule = new RecurrencePattern(Rule) { Count = null };
        rule.Until = new CalDateTime(LocalStart.AsUtc.AddSeconds(-1), CalDateTime.UtcTzId);
        return rule.ToString()!;
    }

    /// <summary>The first occurrence the rule itself produces (EXDATEs aside), or null when there is none.</summary>
    public SessionSlot? FirstByRule() =>
        ToEvent(withExceptions: false).GetOccurrences(null, Evaluation).Select(ToSlot).FirstOrDefault();

    /// <summary>The UTC instant at which <paramref name="date"/> ends in the series' zone (an inclusive UNTIL).</summary>
    public DateTime EndOfLocalDay(DateOnly date) =>
        new CalDateTime(date, new TimeOnly(23, 59, 59), TimeZone).AsUtc;

    /// <summary>Midnight of <paramref name="instant"/>'s date in the series' zone: sessions earlier today still count.</summary>
    public DateTimeOffset StartOfLocalDay(DateTimeOffset instant) => LocalTime.StartOfDay(LocalTime.DateIn(instant, TimeZone), TimeZone);

    private static SessionSlot ToSlot(Ical.Net.DataTypes.Occurrence occurrence)
    {
        var start = occurrence.Period.StartTime;
        var end = occurrence.Period.EffectiveEndTime ?? start;
        return new SessionSlot(
            new DateTimeOffset(start.AsUtc, TimeSpan.Zero),
            new DateTimeOffset(end.AsUtc, TimeSpan.Zero),
            start.Date);
    }
}
