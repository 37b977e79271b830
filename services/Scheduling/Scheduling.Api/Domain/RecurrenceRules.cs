using Ical.Net;
using Ical.Net.DataTypes;

namespace Studios.Scheduling.Domain;

/// <summary>Which RFC 5545 RRULEs a series may use. Sessions happen at most once a day at the series' start time,
/// so sub-daily frequencies and BYHOUR/BYMINUTE/BYSECOND are refused; everything else is Ical.Net's to evaluate.</summary>
public static class RecurrenceRules
{
    public const int MaxLength = 500;

    private static readonly HashSet<string> Supported =
        ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY", "BYWEEKNO", "BYSETPOS", "WKST"];

    private static readonly HashSet<string> TimeOfDayParts = ["BYHOUR", "BYMINUTE", "BYSECOND"];

    private static readonly HashSet<FrequencyType> SubDaily = [FrequencyType.Secondly, FrequencyType.Minutely, FrequencyType.Hourly];

    /// <summary>The parsed rule, or null and why it is refused.</summary>
    public static RecurrencePattern? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is required, e.g. FREQ=WEEKLY;BYDAY=TU.";
            return null;
        }
        var rule = text.Trim();
        if (rule.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase)) rule = rule["RRULE:".Length..];
        if (rule.Length > MaxLength)
        {
            error = $"must be at most {MaxLength} characters.";
            return null;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in rule.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            var key = pair[0].Trim().ToUpperInvariant();
            if (pair.Length != 2 || pair[1].Trim().Length == 0)
            {
                error = $"'{part}' is not NAME=VALUE.";
                return null;
            }
            if (TimeOfDayParts.Contains(key))
            {
                error = $"{key} is not supported: every session of a series starts at its startTime.";
                return null;
            }
            if (!Supported.Contains(key))
            {
                error = $"{key} is not an RRULE part this service supports.";
                return null;
            }
            if (!keys.Add(key))
            {
                error = $"{key} appears twice.";
                return null;
            }
        }
        if (!keys.Contains("FREQ"))
        {
            error = "FREQ is required.";
            return null;
        }
        if (keys.Contains("COUNT") && keys.Contains("UNTIL"))
        {
            error = "COUNT and UNTIL must not both be given (RFC 5545).";
            return null;
        }

        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(rule);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            error = $"is not a valid RRULE: {exception.Message}";
            return null;
        }
        if (SubDaily.Contains(pattern.Frequency))
        {
            error = $"FREQ={pattern.Frequency.ToString().ToUpperInvariant()} is not allowed: sessions repeat at most daily.";
            return null;
        }
        if (keys.Contains("UNTIL") && pattern.Until is null)
        {
            error = "UNTIL must be a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ).";
            return null;
        }
        return pattern;
    }
}
