namespace Studios.PracticeContent.Domain;

/// <summary>What text may contain. Markup is kept as typed (it is data, never rendered here); control characters
/// and broken surrogates are refused because they corrupt storage, logs and clients.</summary>
public static class TextRules
{
    /// <summary>True when <paramref name="value"/> has a control character (tabs and line breaks allowed only when
    /// <paramref name="multiline"/>) or an unpaired surrogate.</summary>
    public static bool HasForbiddenCharacters(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                return true;
            }
            if (char.IsLowSurrogate(c)) return true;
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return true;
        }
        return false;
    }

    /// <summary>Checks one text field: required or optional, trimmed length, allowed characters.</summary>
    public static string Check(FieldErrors errors, string? value, string field, int maxLength, bool required, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required.");
            return string.Empty;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) errors.Add(field, $"must be at most {maxLength} characters.");
        if (HasForbiddenCharacters(trimmed, multiline))
        {
            errors.Add(field, multiline
                ? "must not contain control characters (other than line breaks and tabs) or invalid characters."
                : "must not contain control characters, line breaks or invalid characters.");
        }
        return trimmed;
    }
}
