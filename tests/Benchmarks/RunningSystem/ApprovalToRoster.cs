using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Studios.Benchmarks.RunningSystem;

/// <summary>On a running system (./studios run), one hop measured from outside: a steward approves a studio in
/// Stewardship, and Membership's roster of it opens once StudioApproved has travelled through the outbox, the broker and
/// Membership's consumer. Approvals one at a time; the roster is polled every 5 ms from the moment the approval returned.</summary>
public static class ApprovalToRoster
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Read(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var identity = new Uri(Read("--identity", "http://127.0.0.1:5100"));
        var membership = new Uri(Read("--membership", "http://127.0.0.1:5101"));
        var stewardship = new Uri(Read("--stewardship", "http://127.0.0.1:5104"));
        var count = int.Parse(Read("--approvals", "30"), CultureInfo.InvariantCulture);

        using var http = new HttpClient();
        var (facilitator, facilitatorId) = await SignInAsync(http, identity, "Fay", "facilitator");
        var (steward, stewardId) = await SignInAsync(http, identity, "Sam", "steward");
        var (operatorToken, _) = await SignInAsync(http, identity, "Olu", "operator");
        await SendAsync(http, HttpMethod.Post, new Uri(membership, "/api/people"), facilitator,
            new { displayName = "Fay", email = $"fay-{facilitatorId:N}@example.org", timeZone = "Europe/Berlin", locale = "en-GB" });
        // Only a registered person may steward: Sam registers, and the pool takes him once Stewardship has heard of it.
        await SendAsync(http, HttpMethod.Post, new Uri(membership, "/api/people"), steward,
            new { displayName = "Sam", email = $"sam-{stewardId:N}@example.org", timeZone = "Europe/Berlin", locale = "en-GB" });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendAsync(http, HttpMethod.Post, new Uri(stewardship, "/api/stewards"), operatorToken,
                    new { personId = stewardId, displayName = "Sam", maxStudios = count + 5 });
                break;
            }
            catch (InvalidOperationException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }

        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var proposed = await SendAsync(http, HttpMethod.Post, new Uri(stewardship, "/api/studios"), facilitator, new
            {
                name = $"Circle {Guid.NewGuid():N}"[..20], purpose = "Practise listening together.", practiceFocus = "Listening",
                intendedCadence = "weekly", capacity = 8, timeZone = "Europe/Berlin", foundingFacilitatorId = facilitatorId,
            });
            var studioId = proposed["id"]!.GetValue<Guid>();
            await SendAsync(http, HttpMethod.Post, new Uri(stewardship, $"/api/studios/{studioId}/approve"), steward, new { });
            var approvedAt = Stopwatch.GetTimestamp();
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(membership, $"/api/studios/{studioId}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", facilitator);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode && (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"] == "open") break;
                await Task.Delay(5);
            }
            latencies.Add(Stopwatch.GetElapsedTime(approvedAt).TotalMilliseconds);
        }
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        AnsiConsole.MarkupLine($"approval -> roster open, {count} approvals one at a time: p50 [bold]{Percentile(0.5):N0} ms[/], " +
                               $"p90 [bold]{Percentile(0.9):N0} ms[/], max {latencies[^1]:N0} ms");
        return 0;
    }

    private static async Task<(string Token, Guid Id)> SignInAsync(HttpClient http, Uri identity, string name, string role)
    {
        var id = Guid.NewGuid();
        using var response = await http.PostAsJsonAsync(new Uri(identity, "/api/dev-tokens"),
            new { subject = id.ToString(), name, roles = new[] { role }, email = $"{name.ToLowerInvariant()}-{id:N}@example.org" });
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>(), id);
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, Uri uri, string token, object body)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {uri} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }
}
