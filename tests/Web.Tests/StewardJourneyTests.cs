using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studios.Web.Tests;

/// <summary>A steward in the browser: declines one proposal (a reason is required) and approves another, sees it among
/// their studios with its health, reads the health page and records a check-in with a follow-up.</summary>
[Collection(WebCollection.Name)]
public sealed class StewardJourneyTests(WebSystem web)
{
    [Fact]
    public async Task A_steward_decides_proposals_reads_health_and_records_a_check_in()
    {
        var arrange = new Arrange(web.System);
        var sam = await arrange.StewardInPoolAsync("Sam");
        var fay = await arrange.PersonAsync("Fay", "facilitator");
        var keep = await arrange.ProposeAsync(fay);
        var drop = await arrange.ProposeAsync(fay);

        await using var browser = await web.VisitAsync(sam.Name);
        await browser.SignInAsAsync(sam.Name);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Stewarding" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = keep.Name })).ToBeVisibleAsync();
        await browser.CheckPageAsync("stewarding");

        // Declining needs a reason: the service's answer shows under the field.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Decline {drop.Name}" }).ClickAsync();
        await Expect(page.Locator("#reason-errors")).ToBeVisibleAsync();
        await page.Locator(".session").Filter(new() { HasText = drop.Name }).GetByLabel("Reason to decline").FillAsync("Another circle already meets for this.");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Decline {drop.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{drop.Name} is declined.");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Approve {keep.Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{keep.Name} is approved and active.");
        var card = page.Locator(".card").Filter(new() { HasText = keep.Name });
        await Expect(card).ToBeVisibleAsync();

        // Its health, each component explained; then a check-in (one in the future is refused under its field).
        await card.GetByRole(AriaRole.Link, new() { Name = keep.Name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("attendance");
        await Expect(page.Locator(".lead")).ToContainTextAsync("score");
        await browser.CheckPageAsync("studio-health");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Arrange.Zone)).DateTime);
        await page.GetByLabel("Held on").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Notes").FillAsync("Talked about keeping the circle small.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record check-in" }).ClickAsync();
        await Expect(page.Locator("#heldOn-errors")).ToContainTextAsync("cannot be in the future");
        await page.GetByLabel("Held on").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Follow-up (optional)").FillAsync("Share the practice notes");
        await page.GetByLabel("Follow-up due on").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record check-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("recorded with 1 follow-up");
        await Expect(page.GetByText("Follow-up: Share the practice notes")).ToBeVisibleAsync();
        await browser.CheckPageAsync("check-in");
    }
}
