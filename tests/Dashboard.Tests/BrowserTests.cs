using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Studios.Dashboard.Tests;

/// <summary>The dashboard in Debian's Chromium, driven by Playwright (never a browser Playwright downloads):
/// log in with the token, open a trace over several services, follow it to its logs. Screenshots go to artifacts/screenshots.</summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Fact]
    public async Task Log_in_open_a_multi_service_trace_and_filter_its_logs()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (./studios test does).");
        var catalog = new FakeResourceCatalog();
        foreach (var (name, port) in new[] { ("membership", 5101), ("scheduling", 5102), ("practice-content", 5103), ("stewardship", 5104) })
        {
            catalog.Set(FakeResourceCatalog.Service(name, port));
            catalog.Console.Append(name, $"info: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:{port}");
        }
        await using var host = await DashboardHost.StartAsync(catalog: catalog);
        var journey = JourneyTelemetry.Send(host);
        await DashboardHost.EventuallyAsync(() => host.GetOrNullAsync<TraceDetail>($"/api/traces/{journey.ApprovalTraceId}"),
            t => t?.Spans.Count == JourneyTelemetry.ApprovalSpanCount, "the approval trace's spans");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(Screenshots);

        // Without the token: the login form.
        await page.GotoAsync(host.BaseUrl + "/traces");
        await Expect(page.Locator("#login")).ToBeVisibleAsync();

        // The printed login URL: the cookie is set and the resources show.
        await page.GotoAsync(host.Access.LoginUrl);
        await Expect(page.Locator("#resources tbody tr[data-resource]")).ToHaveCountAsync(4);
        await Expect(page.Locator("#resources tbody")).ToContainTextAsync("Running");
        await Shoot(page, "resources");

        // Traces: the approval is listed with its three services; its waterfall shows spans of each.
        await page.ClickAsync("nav >> text=Traces");
        var row = page.Locator($"#traces tr[data-trace-id='{journey.ApprovalTraceId}']");
        await Expect(row).ToContainTextAsync("stewardship: POST /studios/{studioId}/approve");
        await Shoot(page, "traces-list");
        await row.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{host.BaseUrl}/traces/{journey.ApprovalTraceId}");
        var spans = page.Locator("#waterfall .span-row");
        await Expect(spans).ToHaveCountAsync(JourneyTelemetry.ApprovalSpanCount);
        var services = await spans.EvaluateAllAsync<string[]>("rows => [...new Set(rows.map(r => r.dataset.service))].sort()");
        Assert.Equal(["membership", "scheduling", "stewardship"], services);
        await Expect(page.Locator("#waterfall")).ToContainTextAsync("Consumer");
        await Expect(page.Locator("#waterfall")).ToContainTextAsync("Producer");
        await spans.Filter(new LocatorFilterOptions { HasText = "UPDATE studio_calendars" }).ClickAsync();
        await Expect(page.Locator(".wf-details")).ToContainTextAsync("db.query.text");
        await Shoot(page, "traces");

        // Its logs: the link filters structured logs by the trace id.
        await page.ClickAsync("#trace-logs");
        await Expect(page).ToHaveURLAsync($"{host.BaseUrl}/logs?traceId={journey.ApprovalTraceId}");
        await Expect(page.Locator("input[name=traceId]")).ToHaveValueAsync(journey.ApprovalTraceId);
        var logRows = page.Locator("#logs tbody tr[data-log-id]");
        await Expect(logRows).ToHaveCountAsync(JourneyTelemetry.ApprovalLogCount);
        await Expect(page.Locator("#logs tbody")).ToContainTextAsync("Roster opened for studio 7f3c");
        await Expect(page.Locator("#logs tbody")).Not.ToContainTextAsync("Waitlist");
        await Shoot(page, "logs-by-trace");

        // The same filter typed by hand, from the unfiltered list.
        await page.ClickAsync("nav >> text=Structured logs");
        await Expect(logRows).ToHaveCountAsync(7);
        await page.FillAsync("input[name=traceId]", journey.ApprovalTraceId);
        await Expect(logRows).ToHaveCountAsync(JourneyTelemetry.ApprovalLogCount);

        // Metrics: a histogram's percentiles charted over time.
        await page.ClickAsync("nav >> text=Metrics");
        var resource = page.Locator("#metrics-tree summary", new PageLocatorOptions { HasText = "membership/membership-1" });
        await Expect(resource).ToBeVisibleAsync();
        var meter = page.Locator("#metrics-tree summary", new PageLocatorOptions { HasText = "Studios.Membership" });
        if (!await meter.IsVisibleAsync())
        {
            await resource.ClickAsync();
        }
        await meter.ClickAsync();
        await page.ClickAsync("#metrics-tree button[data-instrument='http.server.request.duration']");
        await Expect(page.Locator("#metric svg polyline")).ToHaveCountAsync(3);
        await Expect(page.Locator("#metric-series")).ToContainTextAsync("http.route=/people/{personId}");
        await Shoot(page, "metrics");

        // Console: every resource's output.
        await page.ClickAsync("nav >> text=Console");
        await Expect(page.Locator("#console .line")).ToHaveCountAsync(4);
        catalog.Console.Append("membership", "info: Studios.Membership[1] Person registered");
        await Expect(page.Locator("#console")).ToContainTextAsync("Person registered");
        await Shoot(page, "console");
    }

    private async Task Shoot(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
