using System.Text.RegularExpressions;

namespace Studios.Membership.Domain;

/// <summary>BCP 47 language tags in their common shape: a language, then optional script/region/variant subtags (en, en-GB, zh-Hant-TW).</summary>
public static partial class Locales
{
    public const int MaxLength = 35;

    public static bool IsValid(string? locale) =>
        locale is not null && locale.Length <= MaxLength && Shape().IsMatch(locale);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex Shape();
}
