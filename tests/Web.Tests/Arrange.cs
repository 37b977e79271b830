using System.Net;
using System.Text.Json.Nodes;
using static Studios.EndToEnd.Tests.Service;

namespace Studios.Web.Tests;

/// <summary>What a journey needs before its person opens the browser, arranged over the services' APIs with tokens from
/// the development identity (which then offers these people on its sign-in page).</summary>
public sealed class Arrange(RunningSystem system)
{
    public const string Zone = "Europe/Berlin";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..4];

    /// <summary>A person with a name unique to this test (the sign-in page lists everyone), registered in Membership.</summary>
    public async Task<Person> PersonAsync(string name, params string[] roles)
    {
        // No space: RunningSystem makes the email address from the name.
        var person = await system.SignInAsync($"{name}-{_suffix}", roles);
        await person.PostAsync(Membership, "/api/people", new { displayName = person.Name, email = person.Email, timeZone = Zone, locale = "en-GB" },
            HttpStatusCode.Created);
        return person;
    }

    public async Task<Person> StewardInPoolAsync(string name)
    {
        var olu = await system.SignInAsync("Olu", "operator");
        var steward = await PersonAsync(name, "steward");
        // Stewardship takes only registered people, which it learns from Membership's PersonRegistered a moment later.
        await Eventually.MatchAsync(
            () => olu.SendRawAsync(HttpMethod.Post, Stewardship, "/api/stewards", new { personId = steward.Id, displayName = steward.Name, maxStudios = 5 }),
            response => response.StatusCode == HttpStatusCode.Created, Patience, "Stewardship to take the registered person as a steward");
        return steward;
    }

    public async Task<(Guid Id, string Name)> ProposeAsync(Person facilitator, int capacity = 3)
    {
        var name = $"Listening circle {Guid.NewGuid():N}"[..26];
        var studio = await facilitator.PostAsync(Stewardship, "/api/studios", new
        {
            name,
            purpose = "Practise deep listening together until it becomes a way of being.",
            practiceFocus = "Deep listening",
            intendedCadence = "weekly",
            capacity,
            timeZone = Zone,
            foundingFacilitatorId = facilitator.Id,
        }, HttpStatusCode.Created);
        return (studio["id"]!.GetValue<Guid>(), name);
    }

    /// <summary>Approved by the steward, its roster open in Membership and Scheduling told of it.</summary>
    public async Task<(Guid Id, string Name)> ActiveStudioAsync(Person facilitator, Person steward, int capacity = 3)
    {
        var studio = await ProposeAsync(facilitator, capacity);
        await steward.PostAsync(Stewardship, $"/api/studios/{studio.Id}/approve", new { });
        await Eventually.MatchAsync(() => facilitator.GetAsync(Membership, $"/api/studios/{studio.Id}"), s => (string?)s["status"] == "open",
            Patience, "the roster to open in Membership");
        await Eventually.MatchAsync(() => facilitator.SendRawAsync(HttpMethod.Get, Scheduling, $"/api/studios/{studio.Id}/series"),
            response => response.IsSuccessStatusCode, Patience, "Scheduling to know the studio");
        return studio;
    }

    public Task<JsonNode> AskToJoinAsync(Person participant, Guid studioId, string answer) =>
        participant.PostAsync(Membership, $"/api/studios/{studioId}/join-requests", new { intakeAnswer = answer }, HttpStatusCode.Created);
}
