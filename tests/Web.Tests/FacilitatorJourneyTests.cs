using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studios.Web.Tests;

/// <summary>A facilitator in the browser: approves a join request, invites someone, schedules a series with the
/// recurrence editor and takes attendance once the first session has begun.</summary>
[Collection(WebCollection.Name)]
public sealed class FacilitatorJourneyTests(WebSystem web)
{
    [Fact]
    public async Task A_facilitator_approves_invites_schedules_and_takes_attendance()
    {
        var arrange = new Arrange(web.System);
        var sam = await arrange.StewardInPoolAsync("Sam");
        var fay = await arrange.PersonAsync("Fay", "facilitator");
        var ana = await arrange.PersonAsync("Ana", "participant");
        var studio = await arrange.ActiveStudioAsync(fay, sam);
        await arrange.AskToJoinAsync(ana, studio.Id, "I want to listen better.");

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
        await page.GetByLabel("Their email").FillAsync("ben@studios.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent to ben@studios.test");

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
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
