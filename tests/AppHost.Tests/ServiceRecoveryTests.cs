using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Studios.AppHost.Tests.Support;
using Xunit.Abstractions;

namespace Studios.AppHost.Tests;

/// <summary>A service process that dies is seen as such in the application model (what the dashboard shows), and the
/// system recovers once it is restarted: what happened meanwhile reaches it from the broker.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class ServiceRecoveryTests(RunningApp running, ITestOutputHelper output)
{
    private StudiosApp App => running.Studios;

    [Fact]
    public async Task A_killed_service_is_seen_and_catches_up_after_a_restart()
    {
        var steward = Guid.NewGuid();
        var facilitator = Guid.NewGuid();
        using var stewardship = App.ServiceClient("stewardship", await App.TokenAsync(steward, "Sam", "steward", "operator"));
        using var membership = App.ServiceClient("membership", await App.TokenAsync(facilitator, "Fay", "facilitator"));

        // Only a registered person may steward: Sam registers with Membership, and Stewardship hears PersonRegistered.
        using (var samAtMembership = App.ServiceClient("membership", await App.TokenAsync(steward, "Sam", "steward")))
        {
            await PostAsync(samAtMembership, "/api/people",
                new { displayName = "Sam", email = $"sam-{steward:N}@example.org", timeZone = "Europe/Berlin", locale = "en-GB" }, HttpStatusCode.Created);
        }
        await Eventually.TrueAsync(async () =>
        {
            using var added = await stewardship.PostAsJsonAsync("/api/stewards", new { personId = steward, displayName = "Sam", maxStudios = 5 });
            return added.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromMinutes(1), "Stewardship to know Sam as a registered person and take him into the pool");

        // Membership dies (kill -9 of the service process, as a crash would).
        var pid = ServiceProcess("membership");
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await App.App.ResourceNotifications.WaitForResourceAsync("membership", KnownResourceStates.TerminalStates);
        output.WriteLine($"membership after kill -9 of {pid}: {App.Snapshot("membership").State?.Text}, exit code {App.Snapshot("membership").ExitCode}");

        // Meanwhile a studio is proposed and approved: Membership's roster opens from StudioApproved once it is back.
        var proposed = await PostAsync(stewardship, "/api/studios", new
        {
            name = $"Recovery circle {Guid.NewGuid():N}"[..28], purpose = "Practise coming back.", practiceFocus = "Resilience",
            intendedCadence = "weekly", capacity = 8, timeZone = "Europe/Berlin", foundingFacilitatorId = facilitator,
        }, HttpStatusCode.Created);
        var studioId = proposed["id"]!.GetValue<Guid>();
        await PostAsync(stewardship, $"/api/studios/{studioId}/approve", new { }, HttpStatusCode.OK);

        await App.App.ResourceCommands.ExecuteCommandAsync("membership", KnownResourceCommands.RestartCommand);
        await App.App.ResourceNotifications.WaitForResourceHealthyAsync("membership").WaitAsync(TimeSpan.FromMinutes(3));
        Assert.NotEqual(pid, ServiceProcess("membership"));

        await Eventually.TrueAsync(async () =>
        {
            using var response = await membership.GetAsync($"/api/studios/{studioId}");
            return response.IsSuccessStatusCode && (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"] == "open";
        }, TimeSpan.FromMinutes(2), "the restarted Membership to open the roster approved while it was down");
    }

    /// <summary>The service's own process: DCP runs it under `dotnet run`, whose child it is.</summary>
    private int ServiceProcess(string service)
    {
        var runner = int.Parse(App.Snapshot(service).Properties.Single(p => p.Name == "executable.pid").Value!.ToString()!);
        return ProcessTree.OfAppHost(Environment.ProcessId).Single(candidate =>
            ProcessTree.CommandLine(candidate) is { } cmd && cmd.Contains($"{ServiceAssembly(service)}", StringComparison.Ordinal)
            && candidate != runner && !cmd.StartsWith("dotnet run", StringComparison.Ordinal));
    }

    private static string ServiceAssembly(string service) => service switch
    {
        "practice-content" => "PracticeContent.Api",
        _ => char.ToUpperInvariant(service[0]) + service[1..] + ".Api",
    };

    private static async Task<JsonObject> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
