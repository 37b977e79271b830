using Studios.ServiceDefaults.Http;

namespace Studios.ServiceDefaults.Input;

/// <summary>What text may contain. Markup is kept as typed (it is data, never rendered here); control characters and
/// broken surrogates are refused because they corrupt logs, mails and calendar feeds, and PostgreSQL refuses NUL while
/// binding the parameter (22021). That refusal also harmed the next request: when it hits the execution in which Npgsql
/// auto-prepares the statement (MaxAutoPrepare, Data/DatabaseExtensions), Npgsql has already counted the statement as
/// prepared but never received its row description, so the next run of it on that pooled connection fails with
/// "Received unexpected backend message DataRow" (npgsql/npgsql#6391). Refusing NUL here keeps it from PostgreSQL.
/// Tab and line breaks are allowed only in fields marked <see cref="MultilineAttribute"/>.</summary>
public static class TextRules
{
    public const string SingleLineReason = "must not contain control characters, line breaks or invalid characters.";
    public const string MultilineReason = "must not contain control characters (other than line breaks and tabs) or invalid characters.";

    public static string Reason(bool multiline) => multiline ? MultilineReason : SingleLineReason;

    /// <summary>True when <paramref name="value"/> has a control character (tab and line breaks allowed only when
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

    /// <summary>Checks one text field: required or optional, trimmed length, allowed characters; returns it trimmed.</summary>
    public static string Check(FieldErrors errors, string? value, string field, int maxLength, bool required, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "is required.");
            return string.Empty;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) errors.Add(field, $"must be at most {maxLength} characters.");
        if (HasForbiddenCharacters(trimmed, multiline)) errors.Add(field, Reason(multiline));
        return trimmed;
    }

    /// <summary>The text with every control character (line breaks and tabs too) and broken surrogate removed: for
    /// output formats that must never carry them, such as iCalendar text values, whatever was stored before.</summary>
    public static string Printable(string value)
    {
        if (!HasForbiddenCharacters(value, multiline: false)) return value;
        var kept = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                kept.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsControl(c) || char.IsSurrogate(c)) continue;
            kept.Append(c);
        }
        return kept.ToString();
    }
}
