using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studios.Web.Tests;

/// <summary>An operator in the browser reads the network overview and the steward pool.</summary>
[Collection(WebCollection.Name)]
public sealed class OperatorJourneyTests(WebSystem web)
{
    [Fact]
    public async Task An_operator_reads_the_network_overview_and_the_steward_pool()
    {
        var arrange = new Arrange(web.System);
        var sam = await arrange.StewardInPoolAsync("Sam");
        var fay = await arrange.PersonAsync("Fay", "facilitator");
        await arrange.ActiveStudioAsync(fay, sam);
        var olu = await arrange.PersonAsync("Olu", "operator");

        await using var browser = await web.VisitAsync(olu.Name);
        await browser.SignInAsAsync(olu.Name);
        var page = browser.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Network" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The network", Level = 1 })).ToBeVisibleAsync();
        var activeStudios = page.Locator("dt").Filter(new() { HasText = "Studios active" });
        await Expect(activeStudios).ToBeVisibleAsync();
        Assert.True(int.Parse(await activeStudios.Locator("xpath=following-sibling::dd[1]").InnerTextAsync()) >= 1);
        var samRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = sam.Name });
        await Expect(samRow).ToContainTextAsync("5");
        await browser.CheckPageAsync("network");
    }
}
