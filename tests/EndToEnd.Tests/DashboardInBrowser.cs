using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Studios.EndToEnd.Tests;

/// <summary>The running AppHost's dashboard in Debian's Chromium, driven by Playwright (never a browser Playwright
/// downloads): log in with the token, the four services Running, the journey's trace over at least three services,
/// its structured logs. Screenshots go to artifacts/screenshots under the test's output folder.</summary>
internal static class DashboardInBrowser
{
    private const string Chromium = "/usr/bin/chromium";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task SeeTheJourneyAsync(Uri dashboard, string traceId, ITestOutputHelper output)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        var baseUrl = dashboard.ToString().TrimEnd('/');
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(Screenshots);

        // The login URL the AppHost prints: the cookie is set and the resources show, the four services Running.
        await page.GotoAsync($"{baseUrl}/login?t={Uri.EscapeDataString(AppHostProcess.LoginToken)}");
        foreach (var service in new[] { "membership", "scheduling", "practice-content", "stewardship" })
        {
            await Expect(page.Locator($"#resources tbody tr[data-resource='{service}'] td:nth-child(3)")).ToHaveTextAsync("Running");
        }
        await Shoot(page, "resources", output);

        // The approval's trace: its waterfall holds spans of at least three services.
        await page.GotoAsync($"{baseUrl}/traces/{traceId}");
        var spans = page.Locator("#waterfall .span-row");
        await Expect(spans.First).ToBeVisibleAsync();
        var services = await spans.EvaluateAllAsync<string[]>("rows => [...new Set(rows.map(r => r.dataset.service))].sort()");
        output.WriteLine($"  waterfall services: {string.Join(", ", services)} ({await spans.CountAsync()} spans)");
        Assert.Superset(new HashSet<string> { "stewardship", "membership", "scheduling" }, services.ToHashSet());
        await Expect(page.Locator("#waterfall")).ToContainTextAsync("Consumer");
        await Shoot(page, "traces", output);

        // Its logs: the link filters structured logs by the trace id, with at least one row.
        await page.ClickAsync("#trace-logs");
        await Expect(page).ToHaveURLAsync($"{baseUrl}/logs?traceId={traceId}");
        await Expect(page.Locator("input[name=traceId]")).ToHaveValueAsync(traceId);
        var logRows = page.Locator("#logs tbody tr[data-log-id]");
        await Expect(logRows.First).ToBeVisibleAsync();
        output.WriteLine($"  log rows for the trace: {await logRows.CountAsync()}");
        await Shoot(page, "logs", output);
    }

    private static async Task Shoot(IPage page, string name, ITestOutputHelper output)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"  screenshot: {path}");
    }
}
