using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Studios.Testing.Mail;
using static Microsoft.Playwright.Assertions;

namespace Studios.Web.Tests;

/// <summary>A facilitator in the browser: approves a join request, invites someone (who follows the mailed link, registers
/// and accepts), changes the joining rule, schedules a series with the recurrence editor, plans a session from the
/// practice library, moves one session and changes this and following, takes attendance once the first session has begun
/// and reads each member's attendance history.</summary>
[Collection(WebCollection.Name)]
public sealed class FacilitatorJourneyTests(WebSystem web)
{
    [Fact]
    public async Task A_facilitator_approves_invites_sets_the_rule_schedules_plans_edits_and_takes_attendance()
    {
        var arrange = new Arrange(web.System);
        var sam = await arrange.StewardInPoolAsync("Sam");
        var fay = await arrange.PersonAsync("Fay", "facilitator");
        var ana = await arrange.PersonAsync("Ana", "participant");
        var studio = await arrange.ActiveStudioAsync(fay, sam);
        await arrange.AskToJoinAsync(ana, studio.Id, "I want to listen better.");
        var practice = await PublishedPracticeAsync(fay);
        using var mailbox = new Mailbox(web.System.Studios.Url("mail"));
        await using var ben = await web.VisitAsync("Ben");

        await using var browser = await web.VisitAsync(fay.Name);
        await browser.SignInAsAsync(fay.Name);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "My studios" }).ClickAsync();
        await browser.CheckPageAsync("my-studios");
        await page.Locator(".card").Filter(new() { HasText = studio.Name }).GetByRole(AriaRole.Link, new() { Name = "Roster and join requests" }).ClickAsync();

        // Ana's request with her answer; approving it puts her on the roster.
        await Expect(page.GetByText("“I want to listen better.”")).ToBeVisibleAsync();
        await browser.CheckPageAsync("roster");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {ana.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{ana.Name} joined the studio.");
        await Expect(page.Locator("#members-heading + ul")).ToContainTextAsync(ana.Name);

        // An invitation: a bad address is answered under the field, a good one is sent.
        await page.GetByLabel("Their email").FillAsync("ben-at-example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.Locator("#email-errors")).ToBeVisibleAsync();
        await page.GetByLabel("Their email").FillAsync(ben.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {ben.Email}");

        // Ben follows the link in his mail: not registered yet, he registers first and comes back to accept.
        var mail = Assert.Single(await mailbox.WaitForAsync(ben.Email, m => m.Header("X-Studios-Notification") == "invitation"));
        var link = new Uri(Regex.Match(mail.Text, @"https?://\S+/invitations/[A-Za-z0-9_\-]+").Value);
        Assert.Equal(web.WebUrl.Port, link.Port);
        await ben.SignInAsNewPersonAsync("participant");
        await ben.Page.GotoAsync(link.PathAndQuery);
        await Expect(ben.Page.GetByRole(AriaRole.Button, new() { Name = "Register" })).ToBeVisibleAsync();
        await ben.Page.GetByLabel("Time zone").FillAsync(Arrange.Zone);
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Heading, new() { Name = "You are invited to a studio" })).ToBeVisibleAsync();
        await ben.CheckPageAsync("invitation");
        // His address is only his claim until he opens the link mailed to it: the invitation says so, then he verifies
        // (Membership's page: a button, so a mail scanner following the link verifies nothing) and accepts.
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Open the link we mailed to your address");
        await ben.CheckPageAsync("invitation-unverified");
        var verification = Assert.Single(await mailbox.WaitForAsync(ben.Email, m => m.Header("X-Studios-Notification") == "email-verification"));
        await ben.Page.GotoAsync(Regex.Match(verification.Text, @"https?://\S+/api/email-verifications/[A-Za-z0-9_\-]+").Value);
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Expect(ben.Page.GetByText("is verified")).ToBeVisibleAsync();
        await ben.Page.GotoAsync(link.PathAndQuery);
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Expect(ben.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"You joined {studio.Name}.");
        await ben.CheckPageAsync("invitation-accepted");
        await page.GotoAsync($"/studios/{studio.Id}/roster");
        await Expect(page.Locator("#members-heading + ul")).ToContainTextAsync("Ben");

        // The joining rule: by invitation only from now on, with a question kept for later.
        await page.GetByLabel("By invitation only").CheckAsync();
        await page.GetByLabel("Question for people asking to join (optional)").FillAsync("What would you like to practise?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save joining rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Joining rule saved.");
        await Expect(page.GetByLabel("By invitation only")).ToBeCheckedAsync();
        await page.GotoAsync($"/studios/{studio.Id}");
        await Expect(page.Locator("dd").Filter(new() { HasText = "By invitation only" })).ToBeVisibleAsync();
        await page.GotoAsync($"/studios/{studio.Id}/roster");

        // A weekly series whose first session begins in about a minute, on today's weekday in the studio's zone.
        await page.GotoAsync($"/studios/{studio.Id}/schedule");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Arrange.Zone);
        var start = TimeZoneInfo.ConvertTime(NextMinute(DateTimeOffset.UtcNow.AddSeconds(50)), zone);
        await page.GetByLabel("Title").FillAsync("Listening practice");
        await page.GetByLabel("First session on").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Starts at").FillAsync(start.ToString("HH:mm"));
        await page.GetByLabel("After this many sessions").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        // No day chosen: the editor says so under the days.
        await Expect(page.Locator("#days-errors")).ToContainTextAsync("Choose at least one day of the week.");
        await browser.CheckPageAsync("schedule");
        await page.GetByLabel(start.DayOfWeek.ToString()).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled: 4 sessions of “Listening practice”");

        // The last session: a plan built from the practice library (attached once Scheduling knows it is published).
        await page.GotoAsync($"/studios/{studio.Id}/sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan Listening practice" }).Last.ClickAsync();
        await page.GetByLabel("Find practices").FillAsync(practice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search the library" }).ClickAsync();
        await page.GetByLabel(practice, new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Plan title").FillAsync("Pairs, then a round");
        await browser.CheckPageAsync("plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and publish the plan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("“Pairs, then a round” is published; attach it below.");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Attach Pairs, then a round" }).ClickAsync();
            return await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is this session's plan" }).CountAsync() > 0;
        }, Arrange.Patience, "Scheduling to know the published plan");
        await Expect(page.Locator(".session").Filter(new() { HasText = "Pairs, then a round" })).ToContainTextAsync("this session's plan");

        // The same session moved by half an hour, then this and following moved to another room.
        await page.GotoAsync($"/studios/{studio.Id}/sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Listening practice" }).Last.ClickAsync();
        var moved = start.AddDays(21).AddMinutes(30);
        await page.GetByLabel($"At ({Arrange.Zone})", new() { Exact = true }).FillAsync(moved.ToString("HH:mm"));
        await browser.CheckPageAsync("edit-session");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move this session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved: the people going are told of the new time.");
        await Expect(page.GetByText($"Now: ")).ToContainTextAsync(moved.ToString("HH:mm"));
        await page.GetByLabel("Where").FillAsync("Garden room");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change this and following" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changed from");

        // Once the first session has begun, attendance: one tap for Ana.
        var takeAttendance = page.GetByRole(AriaRole.Link, new() { Name = "Take attendance" }).First;
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync($"/studios/{studio.Id}/sessions");
            return await takeAttendance.CountAsync() > 0;
        }, TimeSpan.FromMinutes(3), "the first session to begin");
        await browser.CheckPageAsync("studio-sessions");
        await takeAttendance.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"{ana.Name}: present" }).ClickAsync();
        await Expect(page.Locator(".session").Filter(new() { HasText = ana.Name })).ToContainTextAsync("Recorded: present");
        await browser.CheckPageAsync("attendance");

        // Each member's attendance history on the roster: Ana was there once.
        await page.GotoAsync($"/studios/{studio.Id}/roster");
        var anaRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = ana.Name });
        await Expect(anaRow.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await browser.CheckPageAsync("roster-history");
    }

    /// <summary>A practice in the library with a word unique to this test, published by the facilitator.</summary>
    private static async Task<string> PublishedPracticeAsync(Person fay)
    {
        var title = $"Listening in pairs {Guid.NewGuid().ToString("N")[..6]}";
        var practice = await fay.PostAsync(Service.PracticeContent, "/api/practices", new
        {
            title,
            intent = "Hear someone fully before answering.",
            invitation = "Find a partner.",
            instructions = "1. One speaks for three minutes\n2. The other listens, then reflects back",
            steps = new object[] { new { title = "Pair up", minutes = 2 }, new { title = "Speak and listen", minutes = 12 } },
            minMinutes = 15, maxMinutes = 25, minGroupSize = 2, maxGroupSize = 12,
            skills = new[] { "listening" }, tags = new[] { "pairs" }, inPerson = true, online = true, licence = "CC BY-SA 4.0",
        }, HttpStatusCode.Created);
        await fay.PostAsync(Service.PracticeContent, $"/api/practices/{practice["id"]!.GetValue<Guid>()}/publish", null, HttpStatusCode.Created);
        return title;
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
