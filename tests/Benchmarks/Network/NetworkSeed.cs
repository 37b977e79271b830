using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>
/// <c>seed --preset small|large [--studios N] [--people N] [--stewards N] [--practices N] [--attendance N]
/// [--reflections N] [--clients N]</c>: fills a running system with a network through the services' own HTTP write paths
/// and the events they cause — people registered, stewards (registered people first) added to the pool, studios proposed
/// and approved (some paused or retired afterwards), rosters of 5–40 joined under an open policy (beyond capacity: the
/// waitlist), a weekly or fortnightly series per studio (materialised 12 weeks ahead by Scheduling), past sessions (the
/// one bulk step, <see cref="PastSessions"/>) with their attendance recorded by the facilitators, practices published in
/// two or three versions, reflections. Prints progress and rates, and each service's outbox lag meanwhile
/// (<see cref="OutboxLag"/>). Writes what it made to artifacts/scale/network-&lt;preset&gt;.json for the scale command
/// and the rates to artifacts/scale/seed-&lt;preset&gt;.json.
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
        using var databases = LocalDatabases.FromArgs(arguments);
        await using var lag = OutboxLag.Start(databases);
        var run = Guid.NewGuid().ToString("N")[..6];
        var total = Stopwatch.StartNew();
        AnsiConsole.MarkupLine($"Seeding [bold]{preset}[/]: {size.Studios:N0} studios, {size.People:N0} people, {size.Stewards:N0} stewards, " +
                               $"{size.Practices:N0} practices, {size.Attendance:N0} attendance records, {size.Reflections:N0} reflections, " +
                               $"{clients} concurrent clients (run {run})");

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

        // Past sessions (the one bulk step, see PastSessions), enough for the attendance asked for; then attendance
        // through Scheduling's write path: the facilitator records every member of each past session.
        var withSeries = studios.Where(s => s.SeriesId is not null).ToList();
        var perSession = withSeries.Sum(s => s.Members.Count + 1);
        var occurrences = size.Attendance == 0 ? 0 : Math.Max(1, (int)Math.Round((double)size.Attendance / perSession));
        var pastSessions = new List<(SeededStudio Studio, Guid Session)>();
        if (occurrences > 0)
        {
            var clock = Stopwatch.StartNew();
            var added = await PastSessions.AddAsync(databases, [.. withSeries.Select(s => s.SeriesId!.Value)], occurrences);
            foreach (var studio in withSeries)
            {
                studio.PastSessions.AddRange(added[studio.SeriesId!.Value]);
                pastSessions.AddRange(added[studio.SeriesId!.Value].Select(id => (studio, id)));
            }
            AnsiConsole.MarkupLine($"[bold]past sessions (bulk, with SessionScheduled in the outbox)[/]: {pastSessions.Count:N0} " +
                                   $"({occurrences} per series) in {clock.Elapsed.TotalSeconds:N1} s");
        }
        string[] statuses = ["present", "present", "present", "present", "present", "present", "present", "late", "excused", "absent"];
        var recorded = 0;
        rates["attendance sessions"] = await Phase.RunAsync("attendance recorded (sessions)", pastSessions.Count, clients, async (n, ct) =>
        {
            var (studio, session) = pastSessions[n];
            var entries = studio.Members.Prepend(studio.FacilitatorIndex)
                .Select((person, i) => new { personId = people[person].Id, status = statuses[(n + i * 7) % statuses.Length] }).ToList();
            // A member's MemberJoinedStudio may still be on its way to Scheduling: a 400 naming a person is retried.
            await UntilAsync(async () =>
            {
                try
                {
                    await api.PutAsync("scheduling", $"/api/sessions/{session}/attendance", people[studio.FacilitatorIndex].Token, new { entries });
                    return true;
                }
                catch (SeedException e) when (e.Status == HttpStatusCode.BadRequest && e.Message.Contains("not a member", StringComparison.Ordinal))
                {
                    return false;
                }
            }, $"attendance of session {session}");
            Interlocked.Add(ref recorded, entries.Count);
        });
        rates["attendance records"] = rates["attendance sessions"] * recorded / Math.Max(1, pastSessions.Count);
        AnsiConsole.MarkupLine($"[bold]attendance records[/]: {recorded:N0} ({rates["attendance records"]:N0}/s)");

        // Practices written by the facilitators, each published, revised and published again (every third a third time).
        var practices = new (Guid Id, int Versions, int Author)[size.Practices];
        rates["practices"] = await Phase.RunAsync("practices created and published with versions", size.Practices, clients, async (i, _) =>
        {
            var authorIndex = size.Stewards + i % size.Studios;
            var author = people[authorIndex];
            var practice = await api.PostAsync("practice-content", "/api/practices", author.Token, Practice(i, 1));
            var id = practice["id"]!.GetValue<Guid>();
            await api.PostAsync("practice-content", $"/api/practices/{id}/publish", author.Token);
            var versions = i % 3 == 0 ? 3 : 2;
            for (var version = 2; version <= versions; version++)
            {
                await api.PutAsync("practice-content", $"/api/practices/{id}", author.Token, Practice(i, version));
                await api.PostAsync("practice-content", $"/api/practices/{id}/publish", author.Token);
            }
            practices[i] = (id, versions, authorIndex);
        });

        // Reflections by members after their past sessions, shared with the studio (half) or private, on a practice version.
        var reflecting = withSeries.Where(s => s.Members.Count > 0 && s.PastSessions.Count > 0).ToList();
        rates["reflections"] = reflecting.Count == 0 ? 0 : await Phase.RunAsync("reflections", size.Reflections, clients, async (i, ct) =>
        {
            var studio = reflecting[i % reflecting.Count];
            var author = people[studio.Members[i / reflecting.Count % studio.Members.Count]];
            var (practiceId, versions, _) = practices[i % practices.Length];
            var body = new
            {
                text = $"{Words[i % Words.Length]} in a circle again. What stayed with me: listening without replying.",
                visibility = i % 2 == 0 ? "studio" : "private", studioId = studio.Id,
                sessionId = studio.PastSessions[i % studio.PastSessions.Count], practiceId, practiceVersion = 1 + i % versions,
            };
            // PracticeContent learns the member from MemberJoinedStudio: a 400 on studioId waits for it.
            await UntilAsync(async () =>
            {
                try
                {
                    await api.PostAsync("practice-content", "/api/reflections", author.Token, body);
                    return true;
                }
                catch (SeedException e) when (e.Status == HttpStatusCode.BadRequest && e.Message.Contains("studioId", StringComparison.Ordinal))
                {
                    return false;
                }
            }, $"reflection {i}");
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
            Preset = preset, OperatorToken = operatorToken, People = [.. people], Studios = [.. studios],
        };
        await network.SaveAsync();
        AnsiConsole.MarkupLine($"Seeded in [bold]{total.Elapsed.TotalMinutes:N1} min[/]: {joins.Count:N0} joins " +
                               $"({studios.Sum(s => s.Waitlist.Count):N0} waitlisted); written to {SeededNetwork.PathOf(preset)}");
        var lags = await lag.FinishAsync();
        await SeedReport.SaveAsync(new SeedReport(preset, size, clients, total.Elapsed.TotalMinutes, rates, recorded, lags));
        return 0;
    }

    private static object Practice(int i, int version) => new
    {
        title = $"{Words[i % Words.Length]} circle {i}", intent = $"To {Words[(i + 3) % Words.Length].ToLowerInvariant()} together.",
        instructions = $"Sit in a circle. {Words[(i + 5) % Words.Length]} in turn, then listen without replying." +
                       (version > 1 ? $" Revision {version}: close with a minute of silence." : ""),
        minMinutes = 20, maxMinutes = 60, minGroupSize = 3, maxGroupSize = 20, skills = new[] { "listening", Words[i % Words.Length].ToLowerInvariant() },
        tags = new[] { "circle", Words[(i + 1) % Words.Length].ToLowerInvariant() }, inPerson = true, online = i % 2 == 0,
    };

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
