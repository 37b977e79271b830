using System.Text.RegularExpressions;

namespace Studios.Stewardship.Domain;

/// <summary>Removes an erased person's names from free text (check-in notes, follow-up actions).</summary>
public static class NameRedaction
{
    public const string Placeholder = "[erased]";

    // Shorter parts ("Li", "de") would blank ordinary words; the full name still goes.
    private const int MinimumPartLength = 3;

    /// <summary>Replaces each full name, then each of its parts of at least three letters, as whole words and ignoring case.</summary>
    public static string Redact(string text, IEnumerable<string?> names)
    {
        var terms = names
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!.Trim())
            .SelectMany(name => new[] { name }.Concat(
                name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= MinimumPartLength)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(term => term.Length)
            .ToList();
        foreach (var term in terms)
        {
            text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", Placeholder,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return text;
    }
}
