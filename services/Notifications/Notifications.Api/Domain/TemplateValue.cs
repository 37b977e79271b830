using System.Net;

namespace Studios.Notifications.Domain;

/// <summary>A value put into a template, as the text body shows it and as the HTML body shows it (already encoded).</summary>
public sealed record TemplateValue(string Text, string Html)
{
    public static TemplateValue Of(string text) => new(text, WebUtility.HtmlEncode(text));

    /// <summary>A list: "- item" lines in text, a ul in HTML.</summary>
    public static TemplateValue List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return new TemplateValue(
            string.Join('\n', list.Select(item => "- " + item)),
            "<ul>" + string.Concat(list.Select(item => $"<li>{WebUtility.HtmlEncode(item)}</li>")) + "</ul>");
    }
}
