using System.Text.RegularExpressions;

namespace Studios.Deployment.Tests.Support;

/// <summary>
/// Our own metric instruments, found in the source (meter.CreateCounter&lt;long&gt;("outbox.published", "{message}", ...)),
/// and the names the OpenTelemetry Collector's Prometheus exporter gives them: dots to underscores, the unit appended
/// (s → seconds, curly-brace annotations dropped), _total on counters, _bucket/_sum/_count on histograms.
/// </summary>
public static partial class Instruments
{
    public sealed record Instrument(string Name, string Kind, string Unit, string DefinedIn)
    {
        public string PrometheusBase => Name.Replace('.', '_');

        public string PrometheusName
        {
            get
            {
                var name = PrometheusBase;
                var unit = UnitWord(Unit);
                if (unit is not null && !name.Split('_').Contains(unit)) name += "_" + unit;
                if (Unit == "1" && Kind == "ObservableGauge") name += "_ratio";
                if (Kind is "Counter" or "ObservableCounter") name += "_total";
                return name;
            }
        }

        /// <summary>The series a query may name: a histogram's three, otherwise the one.</summary>
        public IReadOnlyList<string> SeriesNames => Kind == "Histogram"
            ? [PrometheusName + "_bucket", PrometheusName + "_sum", PrometheusName + "_count"]
            : [PrometheusName];
    }

    public static IReadOnlyList<Instrument> InSource()
    {
        var files = new[] { "ServiceDefaults", "services" }
            .SelectMany(folder => Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return [.. files.SelectMany(file => Definition().Matches(File.ReadAllText(file)).Select(match => new Instrument(
            match.Groups["name"].Value, match.Groups["kind"].Value, match.Groups["unit"].Value, Path.GetRelativePath(Repository.Root, file))))];
    }

    private static string? UnitWord(string unit) => unit switch
    {
        "" or "1" => null,
        _ when unit.StartsWith('{') => null,
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "min" => "minutes",
        "h" => "hours",
        "d" => "days",
        "By" => "bytes",
        "%" => "percent",
        _ => unit,
    };

    // CreateCounter<long>("name", "unit", ...) and CreateObservableGauge("name", callback, "unit", ...).
    [GeneratedRegex(@"Create(?<kind>Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<\w+>)?\(\s*""(?<name>[^""]+)""\s*,\s*(?:[^,""]+,\s*)?""(?<unit>[^""]*)""")]
    private static partial Regex Definition();
}
