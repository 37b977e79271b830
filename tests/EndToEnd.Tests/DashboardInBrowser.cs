using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Studios.EndToEnd.Tests;

/// <summary>The running system's Aspire dashboard in Debian's Chromium, driven by Playwright (never a browser Playwright
//// downloads): log in with the browser token, every service Running and Healthy, the journey's trace across the services,
/// each service's business meter. Screenshots go to artifacts/screenshots under the test's output folder.</summary>
internal static class DashboardInBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly Dictionary<string, string> MeterOf = new()
    {
        ["stewardship"] = "Studios.Stewardship",
        ["membership"] = "Studios.Membership",
        ["scheduling"] = "Studios.Scheduling",
        ["practice-content"] = "Studios.PracticeContent",
        ["notifications"] = "Studios.Notifications",
    };

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task SeeTheJourneyAsync(StudiosApp studios, string traceId, ITestOutputHelper output)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        var baseUrl = studios.DashboardUrl.ToString().TrimEnd('/');
        // Expect's own 5 s default is not the context's: on a loaded machine the dashboard took longer to list its resources.
        SetDefaultExpectTimeout(30_000);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        Directory.CreateDirectory(Screenshots);

        // The login URL the AppHost prints: the resources page, each service Running (Aspire shows an unhealthy one as such).
        await page.GotoAsync($"{baseUrl}/login?t={Uri.EscapeDataString(studios.BrowserToken)}");
        // A service with replicas is a group row plus one row per instance (named after it), so each name has several rows.
        foreach (var service in MeterOf.Keys.Append("identity").Append("mail"))
        {
            var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = service });
            await Expect(rows.Filter(new() { HasText = "Running" }).First).ToBeVisibleAsync();
            await Expect(rows.Filter(new() { HasText = "Unhealthy" })).ToHaveCountAsync(0);
        }
        await Shoot(page, "resources", output);

        // The approval's trace: its spans come from the four services.
        await page.GotoAsync($"{baseUrl}/traces/detail/{traceId}");
        var spanCells = page.Locator("td.expand-col[title]");
        await Expect(spanCells.First).ToBeVisibleAsync();
        await Expect(spanCells.Filter(new() { HasText = "membership" }).First).ToBeAttachedAsync();
        var titles = await spanCells.EvaluateAllAsync<string[]>("cells => cells.map(c => c.getAttribute('title'))");
        // A span's title starts with its resource: the service's name, or an instance of it ("membership-x7k2") with replicas.
        var services = titles.Select(title => MeterOf.Keys.FirstOrDefault(title.StartsWith) ?? title.Split(':')[0]).ToHashSet();
        output.WriteLine($"  trace {traceId}: {titles.Length} spans from {string.Join(", ", services.Order())}");
        Assert.Superset(MeterOf.Keys.ToHashSet(), services);
        await Shoot(page, "trace", output);

        // Each service's own meter is among the metrics the dashboard received from it.
        foreach (var (service, meter) in MeterOf)
        {
            await page.GotoAsync($"{baseUrl}/metrics/resource/{service}");
            await Expect(page.GetByText(meter, new() { Exact = true })).ToBeAttachedAsync();
        }
        await Shoot(page, "metrics", output);

        Assert.True(errors.Count == 0, $"JavaScript errors on the dashboard: {string.Join("; ", errors)}");
    }

    private static async Task Shoot(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"  screenshot: {path}");
    }
}
