using System.Text.Json;
using System.Text.RegularExpressions;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>The checked-in Grafana dashboards (deploy/grafana): well-formed, and naming our metrics as Prometheus sees them.</summary>
public sealed partial class GrafanaDashboardTests(ITestOutputHelper output)
{
    private static readonly string Folder = Repository.PathOf("deploy/grafana");

    public static TheoryData<string> Dashboards()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory, MemberData(nameof(Dashboards))]
    public void Every_panel_has_an_id_a_place_and_queries_on_the_chosen_datasource(string file)
    {
        var dashboard = Read(file);
        Assert.False(string.IsNullOrWhiteSpace(dashboard.GetProperty("uid").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(dashboard.GetProperty("title").GetString()));
        Assert.Contains(dashboard.GetProperty("templating").GetProperty("list").EnumerateArray(),
            variable => variable.GetProperty("type").GetString() == "datasource" && variable.GetProperty("name").GetString() == "datasource");

        var panels = dashboard.GetProperty("panels").EnumerateArray().ToList();
        var ids = panels.Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var panel in panels)
        {
            var place = panel.GetProperty("gridPos");
            Assert.True(place.GetProperty("x").GetInt32() + place.GetProperty("w").GetInt32() <= 24, $"{Title(panel)} is wider than the grid");
            if (panel.GetProperty("type").GetString() == "row") continue;
            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), $"{Title(panel)} has an empty query"));
            Assert.Equal(targets.Count, targets.Select(t => t.GetProperty("refId").GetString()).Distinct().Count());
        }
    }

    [Fact]
    public void The_network_dashboard_covers_requests_consumers_error_queues_outbox_lag_and_the_business()
    {
        var queries = string.Join('\n', Queries("studios-network.json"));
        string[] required =
        [
            "http_server_request_duration_seconds_count", "http_server_request_duration_seconds_bucket", "http_response_status_code=~\"5..\"",
            "messaging_masstransit_consume_ea_total", "messaging_masstransit_consume_errors_ea_total",
            "messaging_faulted_total", "_error\"}", "outbox_lag_seconds", "outbox_pending", "messaging_stalled_endpoints_total",
            "studios_count", "sessions_held_total", "attendance_rate_sum", "attendance_rate_count",
        ];
        Assert.All(required, name => Assert.Contains(name, queries, StringComparison.Ordinal));
    }

    /// <summary>A renamed instrument or a changed unit would leave a panel silently empty: catch it here.</summary>
    [Theory, MemberData(nameof(Dashboards))]
    public void Our_own_metrics_are_named_as_the_collector_exports_the_instruments_in_the_source(string file)
    {
        var instruments = Instruments.InSource();
        foreach (var required in (string[])["outbox.lag", "outbox.pending", "messaging.faulted", "messaging.stalled_endpoints", "studios.count", "sessions.held", "attendance.rate"])
            Assert.True(instruments.Any(i => i.Name == required), $"no instrument {required} in the source any more: update {file}");

        var problems = new List<string>();
        foreach (var token in Queries(file).SelectMany(q => Identifier().Matches(q).Select(m => m.Value)).Distinct())
        {
            // The instrument this token names, if it is ours: the one with the longest base name it starts with.
            var instrument = instruments
                .Where(i => token == i.PrometheusBase || token.StartsWith(i.PrometheusBase + "_", StringComparison.Ordinal))
                .MaxBy(i => i.PrometheusBase.Length);
            if (instrument is null) continue;
            output.WriteLine($"{token}: {instrument.Kind} {instrument.Name} ({instrument.Unit}) in {instrument.DefinedIn}");
            if (!instrument.SeriesNames.Contains(token))
                problems.Add($"{file} queries {token}, but {instrument.Name} ({instrument.Kind}, unit '{instrument.Unit}') is exported as {string.Join(" / ", instrument.SeriesNames)}");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.Clone();

    private static IEnumerable<string> Queries(string file) => Read(file).GetProperty("panels").EnumerateArray()
        .Where(p => p.TryGetProperty("targets", out _))
        .SelectMany(p => p.GetProperty("targets").EnumerateArray())
        .Select(t => t.GetProperty("expr").GetString()!);

    private static string Title(JsonElement panel) => panel.GetProperty("title").GetString() ?? "(untitled)";

    [GeneratedRegex("[a-z][a-z0-9_]*")]
    private static partial Regex Identifier();
}
