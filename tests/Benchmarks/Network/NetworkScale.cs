using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>
/// <c>scale --measure small|large [--clients N] [--requests N]</c>: against the running system as it is now, the reads
/// that grow with the network, each with a fixed number of concurrent clients, for the subjects of the named seeded
/// network (artifacts/scale/network-&lt;preset&gt;.json); also the resident memory of each service process. Results go to
/// artifacts/scale/results-&lt;preset&gt;.json; once both exist the table of p50/p99 and large ÷ small is printed (as a
/// Markdown table for the README).
/// <c>scale [--large-studios N]</c> alone runs the whole sequence on a fresh system: seed small, measure, seed large (on
/// top of the small one), measure, print.
/// </summary>
public static class NetworkScale
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        if (arguments.Text("--measure") is { } preset)
        {
            await MeasureAsync(preset, arguments);
            PrintTable();
            return 0;
        }
        if (await NetworkSeed.RunAsync([.. args, "--preset", "small"]) != 0) return 1;
        await MeasureAsync("small", arguments);
        if (await NetworkSeed.RunAsync([.. args, "--preset", "large", .. LargeSize(arguments)]) != 0) return 1;
        await MeasureAsync("large", arguments);
        PrintTable();
        return 0;
    }

    /// <summary><c>--large-studios N</c>: the large network at N studios in the presets' proportions (what this machine
    /// seeds in the time it has; the large preset is 1,000).</summary>
    private static string[] LargeSize(Arguments arguments) => arguments.Number("--large-studios") is { } n
        ? ["--studios", $"{n}", "--people", $"{20 * n}", "--stewards", $"{Math.Max(5, n / 20)}", "--practices", $"{Math.Max(1, n / 2)}",
           "--attendance", $"{100 * n}", "--reflections", $"{5 * n}"]
        : [];

    private static async Task MeasureAsync(string preset, Arguments arguments)
    {
        var network = await SeededNetwork.LoadAsync(preset);
        var clients = arguments.Number("--clients") ?? 8;
        var requests = arguments.Number("--requests") ?? 400;
        using var api = SystemApi.FromArgs(arguments);
        var random = new Random(7);
        AnsiConsole.MarkupLine($"Measuring the [bold]{preset}[/] network's reads: {clients} concurrent clients, {requests} requests each");
        // The saved tokens run out; an hour's margin for the measuring itself.
        if (DateTimeOffset.UtcNow > network.TokensExpireAt - TimeSpan.FromHours(1))
            network = await network.WithNewTokensAsync(api, clients);

        var active = network.Studios.Where(s => s.State == "active").ToList();
        var busiest = active.OrderByDescending(s => s.Members.Count).First();
        var stewards = network.People.Where(p => p.Role == "steward").ToList();
        var studiosOf = network.Studios.SelectMany(s => s.Members.Select(m => (Person: m, Studio: s))).ToLookup(x => x.Person, x => x.Studio);
        // The issue's "person in 5 studios" (or the nearest there is): the same shape of person in both networks, so the
        // read's own size stays the same and only the network around it grows.
        var mostStudios = studiosOf.OrderBy(g => Math.Abs(g.Count() - 5)).ThenByDescending(g => g.Count()).First();
        var traveller = network.People[mostStudios.Key];
        T Pick<T>(IReadOnlyList<T> items) { lock (random) return items[random.Next(items.Count)]; }
        SeededPerson Facilitator(SeededStudio studio) => network.People[studio.FacilitatorIndex];

        var feed = (await api.PostAsync("scheduling", "/api/people/me/calendar-token", traveller.Token))["feedUrl"]!.GetValue<string>();
        var practices = JsonNode.Parse((await api.GetAsync("practice-content", "/api/practices?limit=100", network.OperatorToken)).Body)!["items"]!
            .AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToList();
        var nextSession = JsonNode.Parse((await api.GetAsync("scheduling",
            $"/api/studios/{busiest.Id}/sessions?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("o"))}" +
            $"&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(60).ToString("o"))}&limit=1",
            Facilitator(busiest).Token)).Body)!["items"]![0]!["id"]!.GetValue<Guid>();
        // Newcomers for the joins, registered before the clock starts.
        var newcomers = new (Guid Id, string Token)[requests + clients];
        await Phase.RunAsync("newcomers registered (untimed)", newcomers.Length, clients, async (i, _) =>
        {
            var id = Guid.NewGuid();
            var email = $"newcomer.{id:N}@example.org";
            var token = await api.TokenAsync(id, $"Newcomer {i}", email, "participant");
            await api.PostAsync("membership", "/api/people", token, new { displayName = $"Newcomer {i}", email, timeZone = "Europe/Berlin", locale = "en-GB" });
            newcomers[i] = (id, token);
        });
        var joined = 0;

        List<ReadTiming> timings = [];
        async Task Measure(string service, string read, Func<int, Task<(HttpStatusCode, string)>> call, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var timing = await ReadTiming.MeasureAsync(service, read, requests, clients, call, expected);
            AnsiConsole.MarkupLine($"  {service,-16} {read,-40} p50 {timing.P50,8:N1} ms   p99 {timing.P99,8:N1} ms");
            timings.Add(timing);
        }

        await Measure("Stewardship", "network overview", _ => api.GetAsync("stewardship", "/api/network/overview", network.OperatorToken));
        await Measure("Stewardship", "a steward's studios", _ =>
        {
            var steward = Pick(stewards);
            return api.GetAsync("stewardship", $"/api/stewards/{steward.Id}/studios?limit=50", steward.Token);
        });
        await Measure("Stewardship", "active studios, first page of 50", _ => api.GetAsync("stewardship", "/api/studios?state=active&limit=50", Pick(stewards).Token));
        await Measure("Stewardship", "one studio's health", _ => api.GetAsync("stewardship", $"/api/studios/{Pick(active).Id}/health", Pick(stewards).Token));
        await Measure("Membership", "a studio's members, first page of 50", _ =>
        {
            var studio = Pick(active);
            return api.GetAsync("membership", $"/api/studios/{studio.Id}/members?limit=50", Facilitator(studio).Token);
        });
        await Measure("Membership", "a person's studios", _ =>
        {
            var member = network.People[Pick(Pick(active).Members)];
            return api.GetAsync("membership", $"/api/people/{member.Id}/studios", member.Token);
        });
        await Measure("Membership", "a join in a busy studio (waitlisted)", async i =>
        {
            var newcomer = newcomers[Interlocked.Increment(ref joined) - 1];
            return await api.PostRawAsync("membership", $"/api/studios/{busiest.Id}/join-requests", newcomer.Token);
        }, HttpStatusCode.Created);
        await Measure("Scheduling", $"my sessions ({mostStudios.Count()} studios)", _ => api.GetAsync("scheduling", "/api/people/me/sessions?limit=50", traveller.Token));
        await Measure("Scheduling", "a studio's sessions, first page of 50", _ =>
        {
            var studio = Pick(active);
            return api.GetAsync("scheduling", $"/api/studios/{studio.Id}/sessions?limit=50", Facilitator(studio).Token);
        });
        await Measure("Scheduling", $"personal .ics feed ({mostStudios.Count()} studios)", _ => api.GetAnonymousAsync("scheduling", feed));
        await Measure("Scheduling", "an RSVP in the busiest studio", i =>
        {
            var member = network.People[busiest.Members[i % busiest.Members.Count]];
            return api.PutRawAsync("scheduling", $"/api/sessions/{nextSession}/rsvps/me", member.Token,
                new { response = i % 2 == 0 ? "going" : "not-going" });
        });
        await Measure("PracticeContent", "full-text search", i =>
            api.GetAsync("practice-content", $"/api/practices?q={(i % 2 == 0 ? "listening" : "breathing")}&limit=20", network.OperatorToken));
        await Measure("PracticeContent", "a practice with its versions", _ => api.GetAsync("practice-content", $"/api/practices/{Pick(practices)}", network.OperatorToken));

        using var databases = LocalDatabases.FromArgs(arguments);
        var patience = TimeSpan.FromMinutes(arguments.Number("--job-patience-minutes") ?? 20);
        // Both jobs made due at once and awaited together: each waits for its own next pass (up to one interval).
        List<BackgroundPass> passes = [.. await Task.WhenAll(BackgroundPasses.HealthSweepAsync(databases, patience), BackgroundPasses.MaterialisationAsync(databases, patience))];

        var memory = ServiceProcesses.ResidentMegabytes(SystemApi.IdentityOf(arguments));
        foreach (var (service, megabytes) in memory) AnsiConsole.MarkupLine($"  {service,-16} resident memory {megabytes:N0} MB");
        var totals = await NetworkTotals.CountAsync(databases);
        AnsiConsole.MarkupLine($"  in the databases: {totals}");
        var results = new ScaleResults(preset, totals.Studios, totals.People, clients, timings, memory, passes, totals, SeedReport.Load(preset));
        await File.WriteAllTextAsync(ResultsPath(preset), JsonSerializer.Serialize(results, Json));
    }

    private static string ResultsPath(string preset) => Path.Combine("artifacts", "scale", $"results-{preset}.json");

    private static void PrintTable()
    {
        if (!File.Exists(ResultsPath("small")) || !File.Exists(ResultsPath("large"))) return;
        var small = JsonSerializer.Deserialize<ScaleResults>(File.ReadAllText(ResultsPath("small")), Json)!;
        var large = JsonSerializer.Deserialize<ScaleResults>(File.ReadAllText(ResultsPath("large")), Json)!;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"| service | read | p50 / p99 ms at {small.Studios:N0} studios | p50 / p99 ms at {large.Studios:N0} studios | p99 large ÷ small |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var timing in small.Timings)
        {
            var other = large.Timings.FirstOrDefault(t => t.Service == timing.Service && t.Read.Split(" (")[0] == timing.Read.Split(" (")[0]);
            if (other is null) continue;
            Console.WriteLine(string.Create(inv, $"| {timing.Service} | {timing.Read} | {timing.P50:N1} / {timing.P99:N1} | {other.P50:N1} / {other.P99:N1} | {other.P99 / timing.P99:N2} |"));
        }
        foreach (var pass in small.Passes)
        {
            var other = large.Passes.First(p => p.Job == pass.Job);
            Console.WriteLine(string.Create(inv, $"| background | {pass.Job}: s (database CPU s) | {pass.Seconds:N1} ({pass.DatabaseCpuSeconds:N1}) for {pass.Items:N0} | " +
                                                 $"{other.Seconds:N1} ({other.DatabaseCpuSeconds:N1}) for {other.Items:N0} | {other.Seconds / Math.Max(0.001, pass.Seconds):N2} |"));
        }
        foreach (var lag in small.Seed?.OutboxLag ?? [])
        {
            var other = large.Seed?.OutboxLag.FirstOrDefault(l => l.Service == lag.Service);
            if (other is null) continue;
            Console.WriteLine(string.Create(inv, $"| seeding | outbox lag {lag.Service}: enqueue→publish p50 / p99 s (most waiting) | {lag.P50Seconds:N2} / {lag.P99Seconds:N2} ({lag.MostWaiting:N0}) | " +
                                                 $"{other.P50Seconds:N2} / {other.P99Seconds:N2} ({other.MostWaiting:N0}) | |"));
        }
        foreach (var (service, megabytes) in large.MemoryMegabytes)
        {
            Console.WriteLine(string.Create(inv, $"| {service} | resident memory (MB) | {small.MemoryMegabytes.GetValueOrDefault(service):N0} | {megabytes:N0} | |"));
        }
        Console.WriteLine();
        Console.WriteLine($"Small: {small.Totals}. Large: {large.Totals}.");
    }
}

public sealed record ScaleResults(string Preset, long Studios, long People, int Clients, List<ReadTiming> Timings, Dictionary<string, double> MemoryMegabytes,
    List<BackgroundPass> Passes, NetworkTotals Totals, SeedReport? Seed);
