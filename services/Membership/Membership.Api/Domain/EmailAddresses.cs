using System.Text.RegularExpressions;

namespace Studios.Membership.Domain;

/// <summary>Email addresses compared after trimming and lower-casing, so "Ada@Example.org " is "ada@example.org".</summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 254;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email) =>
        !string.IsNullOrWhiteSpace(email) && Normalize(email) is var normalized
        && normalized.Length <= MaxLength && Shape().IsMatch(normalized);

    // A local part without spaces or '@', and a domain of at least two dot-separated labels.
    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)+$")]
    private static partial Regex Shape();
}
