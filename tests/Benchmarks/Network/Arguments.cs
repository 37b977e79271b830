using System.Globalization;

namespace Studios.Benchmarks.Network;

/// <summary>The command line's <c>--name value</c> pairs.</summary>
public sealed class Arguments(string[] args)
{
    public string Text(string name, string fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

    public string? Text(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public int? Number(string name) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
