using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>Tags and skills: short lowercase labels, so "Active Listening" and "active listening " are one label.</summary>
public static class Labels
{
    public const int MaxCount = 20;
    public const int MaxLength = 40;

    public static string Normalise(string label) =>
        string.Join(' ', label.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Normalised, distinct labels in the order given; problems are reported on <paramref name="field"/>.</summary>
    public static string[] Check(FieldErrors errors, IReadOnlyList<string?>? labels, string field)
    {
        if (labels is null) return [];
        if (labels.Count > MaxCount) errors.Add(field, $"must have at most {MaxCount} entries.");
        var result = new List<string>();
        for (var i = 0; i < labels.Count; i++)
        {
            var raw = labels[i];
            if (string.IsNullOrWhiteSpace(raw))
            {
                errors.Add($"{field}[{i}]", "must not be empty.");
                continue;
            }
            var label = Normalise(raw);
            if (label.Length > MaxLength) errors.Add($"{field}[{i}]", $"must be at most {MaxLength} characters.");
            if (TextRules.HasForbiddenCharacters(label, multiline: false))
                errors.Add($"{field}[{i}]", "must not contain control characters or invalid characters.");
            if (!result.Contains(label)) result.Add(label);
        }
        return [.. result];
    }
}
