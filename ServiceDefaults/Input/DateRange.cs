namespace Studios.ServiceDefaults.Input;

/// <summary>The dates any Studios API accepts: 1900 to 2200. Far beyond every real session, birthday or deadline, and
/// far from the edges where adding a horizon or a time zone offset overflows (9999-12-31 + a week is an exception).</summary>
public static class DateRange
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2200, 12, 31);

    public const string Reason = "must be a date between 1900-01-01 and 2200-12-31.";

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool Contains(DateTime value) => Contains(DateOnly.FromDateTime(value));

    /// <summary>Judged by the UTC date and the local date: both must be inside.</summary>
    public static bool Contains(DateTimeOffset value) => Contains(value.UtcDateTime) && Contains(value.DateTime);
}
