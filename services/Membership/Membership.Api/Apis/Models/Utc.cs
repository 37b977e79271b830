namespace Studios.Membership.Apis.Models;

/// <summary>Npgsql reads timestamptz as UTC DateTime; the API speaks DateTimeOffset.</summary>
internal static class Utc
{
    public static DateTimeOffset From(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? From(DateTime? value) => value is { } v ? From(v) : null;
}
