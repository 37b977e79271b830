using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Studios.EndToEnd.Tests.Service;

namespace Studios.Web.Tests;

/// <summary>A participant in the browser: signs in, registers, discovers a studio, joins it, says they are going to a
/// session, subscribes to their calendar, shares a reflection, downloads their data, leaves the studio and erases their
/// account. A facilitator and a steward arrange the studio over the services' APIs.</summary>
[Collection(WebCollection.Name)]
public sealed class ParticipantJourneyTests(WebSystem web)
{
    private const string Zone = Arrange.Zone;
    private static readonly TimeSpan Patience = Arrange.Patience;

    [Fact]
    public async Task A_participant_discovers_joins_says_going_subscribes_reflects_exports_leaves_and_erases()
    {
        var (studioName, sessionTitle) = await OpenStudioWithSessionsAsync();

        await using var ana = await web.VisitAsync("Ana");
        await ana.SignInAsNewPersonAsync("participant");
        var page = ana.Page;
        await ana.CheckPageAsync("home");

        // Register: the form starts with the sign-in's name and email.
        await page.GotoAsync("/profile");
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("Ana");
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        // The service's reason shows under the field it names.
        await Expect(page.Locator("#timeZone-errors")).ToContainTextAsync("is not an IANA time zone");
        await ana.CheckPageAsync("profile-error");
        await page.GetByLabel("Time zone").FillAsync(Zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("dd").Filter(new() { HasText = Zone })).ToBeVisibleAsync();

        // Discover by a word of the name; the card shows the places left.
        await page.GotoAsync("/studios");
        await page.GetByLabel("Name, purpose or practice").FillAsync(studioName);
        await page.GetByLabel("Only studios with places left").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var card = page.Locator(".card").Filter(new() { HasText = studioName });
        await Expect(card).ToContainTextAsync("3 of 3 left");
        await ana.CheckPageAsync("discover");

        // The studio's page, then join (the studio is open).
        await card.GetByRole(AriaRole.Link, new() { Name = studioName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = studioName, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dd").Filter(new() { HasText = "Fay-" })).ToBeVisibleAsync();
        await ana.CheckPageAsync("studio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join this studio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are a member of this studio.");
        await Expect(page.Locator("dd").Filter(new() { HasText = "2 of 3 left" })).ToBeVisibleAsync();

        // My sessions: Scheduling learns of the membership from Membership's event, then Ana says she is going.
        var going = page.Locator(".session").Filter(new() { HasText = sessionTitle }).First.GetByRole(AriaRole.Button, new() { Name = "Going", Exact = true });
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/me/sessions");
            return await going.CountAsync() > 0;
        }, Patience, "Ana's sessions to appear once Scheduling knows she is a member");
        await ana.CheckPageAsync("my-sessions");
        await going.ClickAsync();
        await Expect(page.Locator(".session").First).ToContainTextAsync("You are going");

        // The calendar: an absolute address that a calendar app reads without a bearer token, and a copy button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Get my calendar address" }).ClickAsync();
        var feedUrl = await page.GetByLabel("Calendar address").InputValueAsync();
        Assert.True(Uri.TryCreate(feedUrl, UriKind.Absolute, out var feed), $"'{feedUrl}' is not absolute.");
        await ana.CheckPageAsync("calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(feedUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        using var calendarApp = new HttpClient();
        using var response = await calendarApp.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"SUMMARY:{sessionTitle}", ics);
        Assert.Contains("BEGIN:VALARM", ics);

        // Reminders off: the feed the calendar app reads next has none.
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn reminders off" }).ClickAsync();
        await Expect(page.Locator("#reminders")).ToHaveTextAsync("Your calendar does not remind you of sessions.");
        Assert.DoesNotContain("BEGIN:VALARM", await calendarApp.GetStringAsync(feed));

        // A reflection shared with the studio (PracticeContent learns of her membership from Membership's event).
        await page.GotoAsync("/me/studios");
        await page.GetByRole(AriaRole.Link, new() { Name = studioName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reflections: share yours, read the studio's" }).ClickAsync();
        await ana.CheckPageAsync("reflections");
        const string reflection = "Listening without planning my answer was harder than I thought.";
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByLabel("Your reflection").FillAsync(reflection);
            await page.GetByRole(AriaRole.Button, new() { Name = "Share with the studio" }).ClickAsync();
            return await page.GetByRole(AriaRole.Status).CountAsync() > 0;
        }, Patience, "PracticeContent to know Ana as a member and take her reflection");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your reflection is shared with the studio.");
        await Expect(page.Locator("#shared-heading + ul")).ToContainTextAsync(reflection);

        // Her data: one JSON file assembled from every service's export.
        await page.GotoAsync("/profile");
        await ana.CheckPageAsync("profile");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var export = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!;
        Assert.NotNull(export["exportedAt"]);
        foreach (var service in new[] { "membership", "scheduling", "practice-content", "stewardship", "notifications" })
        {
            Assert.NotNull(export["services"]?[service]);
            Assert.Null(export["services"]![service]!["unavailable"]);
        }
        Assert.Contains(ana.Email, export["services"]!["membership"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("harder than I thought", export["services"]!["practice-content"]!.ToJsonString());

        // Leave the studio: a confirmation step first, then her place is free again.
        await page.GotoAsync("/me/studios");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Leave {studioName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Leave {studioName}?" })).ToBeVisibleAsync();
        await ana.CheckPageAsync("leave");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave the studio" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"You left {studioName}.");
        await page.GotoAsync("/me/studios");
        await Expect(page.GetByText("You are not in a studio yet.")).ToBeVisibleAsync();

        // Sign out: the app forgets her, and a page that needs her sends her to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Ana" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await page.GotoAsync("/me/sessions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Studios" })).ToBeVisibleAsync();

        // Back in, she erases her account: the confirmation names what happens; then she is signed out and unknown.
        await ana.SignInAsAsync("Ana");
        await page.GotoAsync("/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase my account" }).ClickAsync();
        await Expect(page.GetByText("you are signed out.")).ToBeVisibleAsync();
        await ana.CheckPageAsync("erase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your account is erased and you are signed out.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await ana.SignInAsAsync("Ana");
        await page.GotoAsync("/profile");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Register" })).ToBeVisibleAsync();
    }

    /// <summary>An active, open studio of capacity 3 with a weekly series starting tomorrow, arranged over the APIs.</summary>
    private async Task<(string Studio, string SessionTitle)> OpenStudioWithSessionsAsync()
    {
        var arrange = new Arrange(web.System);
        var sam = await arrange.StewardInPoolAsync("Sam");
        var fay = await arrange.PersonAsync("Fay", "facilitator");
        var studio = await arrange.ActiveStudioAsync(fay, sam);
        await fay.PutAsync(Membership, $"/api/studios/{studio.Id}/policy", new { joinPolicy = "open" });

        const string title = "Listening practice";
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        await fay.PostAsync(Scheduling, $"/api/studios/{studio.Id}/series", new
        {
            title,
            rule = "FREQ=WEEKLY",
            startDate = tomorrow.ToString("yyyy-MM-dd"),
            startTime = "18:30",
            durationMinutes = 60,
            location = "Community hall",
            count = 4,
        }, HttpStatusCode.Created);
        return (studio.Name, title);
    }
}
