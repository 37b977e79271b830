using System.Text.RegularExpressions;

namespace Studios.Dashboard.Resources;

/// <summary>Hides secrets in environment variables before a page shows them: whole values of variables whose name says
/// PASSWORD, SECRET, TOKEN or KEY; and inside other values a connection string's Password=, a URL's user:password@,
/// and key=value pairs such as OTLP headers' api-key=.</summary>
public static partial class SecretMasker
{
    public const string Mask = "********";

    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "TOKEN", "KEY"];

    public static string MaskValue(string name, string value)
    {
        if (SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return value.Length == 0 ? value : Mask;
        }
        value = ConnectionStringSecret().Replace(value, m => m.Groups["key"].Value + Mask);
        value = UrlPassword().Replace(value, m => m.Groups["user"].Value + Mask + "@");
        return value;
    }

    public static IReadOnlyDictionary<string, string> MaskAll(IReadOnlyDictionary<string, string> environment) =>
        new SortedDictionary<string, string>(
            environment.ToDictionary(e => e.Key, e => MaskValue(e.Key, e.Value)),
            StringComparer.Ordinal);

    [GeneratedRegex(@"(?<key>(?<![\w-])(?:password|pwd|[\w-]*(?:secret|token|api[-_]?key))\s*=\s*)(?:""[^""]*""|'[^']*'|[^;,&\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"(?<user>\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@/\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();
}
