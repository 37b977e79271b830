using System.Reflection;
using System.Text.RegularExpressions;

namespace Studios.Notifications.Domain;

/// <summary>
/// The mail templates in Domain/Templates, one file per kind and locale (<c>session-reminder.de.txt</c>): a
/// <c>subject:</c> line, then a <c>--- text</c> and a <c>--- html</c> section, with <c>{{name}}</c> placeholders. A
/// person gets their locale's template, else their language's (de-AT: de), else English; the locale's
/// <c>footer</c> is appended to both bodies.
/// </summary>
public static partial class MailTemplates
{
    public const string Fallback = "en";
    private const string Footer = "footer";

    private static readonly IReadOnlyDictionary<string, Template> Templates = Load();

    /// <summary>The locales a kind has a template in.</summary>
    public static IReadOnlyList<string> LocalesOf(string kind) =>
        [.. Templates.Keys.Where(key => key.StartsWith(kind + ".", StringComparison.Ordinal)).Select(key => key[(kind.Length + 1)..]).Order()];

    /// <summary>The locale whose template a person with <paramref name="locale"/> gets for <paramref name="kind"/>.</summary>
    public static string LocaleFor(string kind, string? locale)
    {
        foreach (var candidate in Candidates(locale))
            if (Templates.ContainsKey($"{kind}.{candidate}")) return candidate;
        throw new InvalidOperationException($"No template for '{kind}', not even in {Fallback}.");
    }

    public static RenderedMail Render(string kind, string? locale, IReadOnlyDictionary<string, TemplateValue> values)
    {
        var chosen = LocaleFor(kind, locale);
        var template = Templates[$"{kind}.{chosen}"];
        var footer = Templates.GetValueOrDefault($"{Footer}.{chosen}") ?? Templates[$"{Footer}.{Fallback}"];
        return new RenderedMail(
            Fill(template.Subject, values, html: false),
            Fill(template.Text + "\n\n" + footer.Text, values, html: false),
            Fill(template.Html + "\n" + footer.Html, values, html: true),
            chosen);
    }

    /// <summary>de-AT, then de, then en.</summary>
    private static IEnumerable<string> Candidates(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            var parts = locale.Trim().ToLowerInvariant().Split('-');
            for (var length = parts.Length; length > 0; length--) yield return string.Join('-', parts[..length]);
        }
        yield return Fallback;
    }

    private static string Fill(string template, IReadOnlyDictionary<string, TemplateValue> values, bool html) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups["name"].Value, out var value)
            ? (html ? value.Html : value.Text)
            : throw new InvalidOperationException($"The template uses {{{{{match.Groups["name"].Value}}}}}, which was not given."));

    private static Dictionary<string, Template> Load()
    {
        var assembly = typeof(MailTemplates).Assembly;
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith("templates/", StringComparison.Ordinal)))
        {
            var key = Path.GetFileNameWithoutExtension(resource["templates/".Length..]);
            templates[key] = Parse(key, Read(assembly, resource));
        }
        return templates;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    private static Template Parse(string key, string content)
    {
        var match = Sections().Match(content);
        if (!match.Success) throw new InvalidOperationException($"Template {key} must have a subject: line, a --- text and a --- html section.");
        return new Template(match.Groups["subject"].Value.Trim(), match.Groups["text"].Value.Trim(), match.Groups["html"].Value.Trim());
    }

    private sealed record Template(string Subject, string Text, string Html);

    [GeneratedRegex(@"\{\{(?<name>[a-zA-Z]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\A(?:subject:(?<subject>[^\n]*)\n)?\s*--- text\n(?<text>.*?)\n--- html\n(?<html>.*)\z", RegexOptions.Singleline)]
    private static partial Regex Sections();
}
