namespace Studios.Web.Services;

/// <summary>
/// What the schedule form asks, in people's words (weekly on these days every N weeks, or monthly on the Nth weekday),
/// turned into the RFC 5545 rule Scheduling expands. The end (a count or a last date) and the exceptions travel beside
/// the rule, as Scheduling takes them.
/// </summary>
public sealed record RecurrenceChoice(string Repeat, int Interval, IReadOnlyList<string> Days, int MonthlyWeek, string MonthlyDay)
{
    public static readonly (string Code, string Name)[] Weekdays =
        [("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday"), ("TH", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"), ("SU", "Sunday")];

    /// <summary>The RRULE, or the reasons (by field) the choice cannot make one.</summary>
    public (string? Rule, Dictionary<string, string[]> Errors) ToRule()
    {
        var errors = new Dictionary<string, string[]>();
        var codes = Weekdays.Select(day => day.Code).ToHashSet();
        if (Interval is < 1 or > 52) errors["interval"] = ["must be between 1 and 52."];
        switch (Repeat)
        {
            case "weekly":
                var days = Days.Where(codes.Contains).Distinct().OrderBy(day => Array.FindIndex(Weekdays, w => w.Code == day)).ToList();
                if (days.Count == 0) errors["days"] = ["Choose at least one day of the week."];
                if (errors.Count > 0) return (null, errors);
                return ($"FREQ=WEEKLY{(Interval > 1 ? $";INTERVAL={Interval}" : "")};BYDAY={string.Join(',', days)}", errors);
            case "monthly":
                if (MonthlyWeek is not (1 or 2 or 3 or 4 or -1)) errors["monthlyWeek"] = ["Choose the first, second, third, fourth or last."];
                if (!codes.Contains(MonthlyDay)) errors["monthlyDay"] = ["Choose a day of the week."];
                if (errors.Count > 0) return (null, errors);
                return ($"FREQ=MONTHLY{(Interval > 1 ? $";INTERVAL={Interval}" : "")};BYDAY={MonthlyWeek}{MonthlyDay}", errors);
            default:
                errors["repeat"] = ["Choose weekly or monthly."];
                return (null, errors);
        }
    }

    /// <summary>Exception dates typed as yyyy-mm-dd, separated by commas, spaces or lines.</summary>
    public static (List<DateOnly> Dates, string? Error) ParseExceptions(string? text)
    {
        var dates = new List<DateOnly>();
        foreach (var part in (text ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", out var date)) return ([], $"'{part}' is not a date like 2026-12-24.");
            dates.Add(date);
        }
        return (dates, null);
    }
}
