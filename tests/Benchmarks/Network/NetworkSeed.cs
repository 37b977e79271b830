using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>
/// <c>seed --preset small|large [--studios N] [--people N] [--stewards N] [--practices N] [--clients N]</c>: fills a
/// running system with a network through the services' own HTTP write paths and the events they cause — people
/// registered, stewards (registered people first) added to the pool, studios proposed and approved (some paused or
/// retired afterwards), rosters of 5–40 joined under an open policy (beyond capacity: the waitlist), a weekly or
/// fortnightly series per active studio (materialised 12 weeks ahead by Scheduling), practices created and published.
/// Writes what it made to artifacts/scale/network-&lt;preset&gt;.json for the scale command.
/// </summary>
public static class NetworkSeed
{
    private static readonly string[] Zones = ["Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly TimeSpan EventPatience = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args);
        var size = NetworkSize.From(arguments);
        var preset = arguments.Text("--preset", "small");
        var clients = arguments.Number("--clients") ?? 8;
        var random = new Random(arguments.Number("--seed") ?? 20);
        using var api = SystemApi.FromArgs(arguments);
        var run = Guid.NewGuid().ToString("N")[..6];
        var total = Stopwatch.StartNew();
        AnsiConsole.MarkupLine($"Seeding [bold]{preset}[/]: {size.Studios:N0} studios, {size.People:N0} people, {size.Stewards:N0} stewards, " +
                               $"{size.Practices:N0} practices, {clients} concurrent clients (run {run})");

        var operatorToken = await api.TokenAsync(Guid.NewGuid(), "Olu Operator", $"olu-{run}@example.org", "operator");
        var people = new SeededPerson[size.People];
        var rates = new Dictionary<string, double>();

        // People: the first are stewards, then one founding facilitator per studio, then participants. Everyone registers.
        rates["people registered"] = await Phase.RunAsync("people registered", size.People, clients, async (i, _) =>
        {
            var role = i < size.Stewards ? "steward" : i < size.Stewards + size.Studios ? "facilitator" : "participant";
            var id = Guid.NewGuid();
            var name = $"{char.ToUpperInvariant(role[0])}{role[1..]} {i}";
            var email = $"{role}.{i}.{run}@example.org";
            var token = await api.TokenAsync(id, name, email, role);
            await api.PostAsync("membership", "/api/people", token,
                new { displayName = name, email, timeZone = Zones[i % Zones.Length], locale = "en-GB" });
            people[i] = new SeededPerson(id, name, email, role, token);
        });

        rates["stewards added"] = await Phase.RunAsync("stewards added", size.Stewards, clients, (i, _) =>
            api.PostAsync("stewardship", "/api/stewards", operatorToken,
                new { personId = people[i].Id, displayName = people[i].Name, maxStudios = size.Studios / size.Stewards + 10 }));

        // Studios: proposed by their founding facilitator, approved by a steward; 8% paused and 4% retired afterwards.
        var studios = new SeededStudio[size.Studios];
        var capacities = Enumerable.Range(0, size.Studios).Select(_ => random.Next(12, 41)).ToArray();
        rates["studios proposed and approved"] = await Phase.RunAsync("studios proposed and approved", size.Studios, clients, async (i, _) =>
        {
            var facilitator = people[size.Stewards + i];
            var steward = people[i % size.Stewards];
            var proposed = await api.PostAsync("stewardship", "/api/studios", facilitator.Token, new
            {
                name = $"Circle {run} {i}", purpose = "Practise listening together, week after week.", practiceFocus = "Deep listening",
                intendedCadence = i % 3 == 0 ? "Fortnightly" : "Weekly", capacity = capacities[i], timeZone = Zones[i % Zones.Length],
                foundingFacilitatorId = facilitator.Id,
            });
            var id = proposed["id"]!.GetValue<Guid>();
            await api.PostAsync("stewardship", $"/api/studios/{id}/approve", steward.Token, new { stewardId = steward.Id });
            studios[i] = new SeededStudio { Id = id, FacilitatorIndex = size.Stewards + i, StewardIndex = i % size.Stewards, Capacity = capacities[i] };
        });

        // Membership opens each roster when StudioApproved arrives; the facilitator makes it open to join.
        rates["rosters opened"] = await Phase.RunAsync("rosters opened (StudioApproved consumed)", size.Studios, clients, async (i, ct) =>
        {
            var facilitator = people[studios[i].FacilitatorIndex];
            await UntilAsync(async () => (await api.GetAsync("membership", $"/api/studios/{studios[i].Id}", facilitator.Token, ct)) is
                { Status: HttpStatusCode.OK } answer && JsonNode.Parse(answer.Body)!["status"]!.GetValue<string>() == "open", $"studio {i}'s roster");
            await api.PutAsync("membership", $"/api/studios/{studios[i].Id}/policy", facilitator.Token, new { joinPolicy = "open" });
        });

        // Rosters of 5–40 participants, drawn from the participants; beyond the studio's capacity a join is waitlisted.
        var participants = Enumerable.Range(size.Stewards + size.Studios, size.People - size.Stewards - size.Studios).ToArray();
        var joins = new List<(int Studio, int Person)>();
        for (var s = 0; s < size.Studios; s++)
        {
            foreach (var person in random.GetItems(participants, random.Next(5, 41)).Distinct()) joins.Add((s, person));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(joins));
        rates["joins"] = await Phase.RunAsync("joins", joins.Count, clients, async (i, _) =>
        {
            var (s, person) = joins[i];
            var member = await api.PostAsync("membership", $"/api/studios/{studios[s].Id}/join-requests", people[person].Token, new { });
            lock (studios[s])
            {
                (member["state"]?.GetValue<string>() == "waitlisted" ? studios[s].Waitlist : studios[s].Members).Add(person);
            }
        });

        // A series per studio, once Scheduling knows the studio and its facilitator.
        rates["series"] = await Phase.RunAsync("series (12 weeks materialised)", size.Studios, clients, async (i, ct) =>
        {
            var facilitator = people[studios[i].FacilitatorIndex];
            await UntilAsync(async () => (await api.GetAsync("scheduling", $"/api/studios/{studios[i].Id}/series", facilitator.Token, ct)).Status
                == HttpStatusCode.OK, $"studio {i} in Scheduling");
            var rule = i % 3 == 0 ? $"FREQ=WEEKLY;INTERVAL=2;BYDAY={Days[i % 7]}" : $"FREQ=WEEKLY;BYDAY={Days[i % 7]}";
            var series = await api.PostAsync("scheduling", $"/api/studios/{studios[i].Id}/series", facilitator.Token, new
            {
                title = "Evening practice", rule, startDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)), startTime = "19:00:00",
                durationMinutes = 90, location = "Community hall",
            });
            studios[i].SeriesId = series["id"]!.GetValue<Guid>();
        });

        // Practices with a published version, written by the facilitators.
        rates["practices"] = await Phase.RunAsync("practices created and published", size.Practices, clients, async (i, _) =>
        {
            var author = people[size.Stewards + i % size.Studios];
            var practice = await api.PostAsync("practice-content", "/api/practices", author.Token, new
            {
                title = $"{Words[i % Words.Length]} circle {i}", intent = $"To {Words[(i + 3) % Words.Length].ToLowerInvariant()} together.",
                instructions = $"Sit in a circle. {Words[(i + 5) % Words.Length]} in turn, then listen without replying.",
                minMinutes = 20, maxMinutes = 60, minGroupSize = 3, maxGroupSize = 20, skills = new[] { "listening", Words[i % Words.Length].ToLowerInvariant() },
                tags = new[] { "circle", Words[(i + 1) % Words.Length].ToLowerInvariant() }, inPerson = true, online = i % 2 == 0,
            });
            await api.PostAsync("practice-content", $"/api/practices/{practice["id"]!.GetValue<Guid>()}/publish", author.Token);
        });

        // Some studios pause or retire (after their roster and series exist, as a real network's would).
        var leaving = Enumerable.Range(0, size.Studios).Where(i => i % 25 == 7 || i % 25 == 19 || i % 25 == 23).ToArray();
        rates["paused or retired"] = await Phase.RunAsync("studios paused or retired", leaving.Length, clients, async (n, _) =>
        {
            var i = leaving[n];
            var steward = people[studios[i].StewardIndex];
            var action = i % 25 == 23 ? "retire" : "pause";
            await api.PostAsync("stewardship", $"/api/studios/{studios[i].Id}/{action}", steward.Token, new { reason = "The group needs a rest." });
            studios[i].State = action == "retire" ? "retired" : "paused";
        });

        var network = new SeededNetwork
        {
            Preset = preset, SeededAt = DateTimeOffset.UtcNow, OperatorToken = operatorToken, People = [.. people], Studios = [.. studios],
        };
        await network.SaveAsync();
        AnsiConsole.MarkupLine($"Seeded in [bold]{total.Elapsed.TotalMinutes:N1} min[/]: {joins.Count:N0} joins " +
                               $"({studios.Sum(s => s.Waitlist.Count):N0} waitlisted); written to {SeededNetwork.PathOf(preset)}");
        AnsiConsole.MarkupLine("Attendance and reflections are not seeded: Scheduling materialises sessions from today on, so no past " +
                               "session exists to record attendance for through its write path (see docs/scale.md).");
        return 0;
    }

    private static readonly string[] Words = ["Listening", "Breathing", "Naming", "Noticing", "Thanking", "Asking", "Pausing", "Walking", "Drawing", "Singing"];

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > EventPatience) throw new TimeoutException($"Waited {EventPatience.TotalMinutes} min for {what}.");
            await Task.Delay(200);
        }
    }
}
