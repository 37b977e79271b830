using System.Globalization;

namespace Studios.Notifications.Domain;

/// <summary>The weekly digest's week: an ISO week (2026-W14), due from Monday 08:00 in the steward's own time zone.</summary>
public static class DigestWeeks
{
    public const int SendFromHour = 8;

    /// <summary>The week whose digest is due at <paramref name="local"/>, or null early on a Monday.</summary>
    public static string? Due(DateTime local) =>
        local.DayOfWeek == DayOfWeek.Monday && local.Hour < SendFromHour
            ? null
            : $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local).ToString("00", CultureInfo.InvariantCulture)}";
}
