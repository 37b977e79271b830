namespace Studios.Dashboard.Telemetry;

/// <summary>OTLP severity numbers in ranges of four, named as .NET's log levels name them.</summary>
public static class Severity
{
    private static readonly (int Min, string Name)[] Levels =
    [
        (1, "Trace"), (5, "Debug"), (9, "Information"), (13, "Warning"), (17, "Error"), (21, "Critical"),
    ];

    public static string Name(int severityNumber, string? severityText)
    {
        if (severityNumber <= 0)
        {
            return string.IsNullOrEmpty(severityText) ? "Unspecified" : severityText;
        }
        return Levels.Last(l => severityNumber >= l.Min).Name;
    }

    /// <summary>The lowest severity number of a level given by name ("Warning", "warn", "error") or by number.</summary>
    public static int? MinimumNumber(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            return null;
        }
        if (int.TryParse(level, out var number))
        {
            return number;
        }
        var match = Levels.FirstOrDefault(l =>
            l.Name.StartsWith(level, StringComparison.OrdinalIgnoreCase)
            || (level.Equals("fatal", StringComparison.OrdinalIgnoreCase) && l.Name == "Critical"));
        return match.Name is null ? null : match.Min;
    }
}
