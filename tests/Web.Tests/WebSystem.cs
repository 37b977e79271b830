using Microsoft.Playwright;

namespace Studios.Web.Tests;

/// <summary>The system as the AppHost composes it (web app included) and Debian's Chromium driven by Playwright, both
/// started once for the collection. Playwright never downloads a browser here.</summary>
public sealed class WebSystem : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public RunningSystem System { get; } = new(replicas: 1);

    public IBrowser Browser { get; private set; } = null!;

    public Uri WebUrl => System.Studios.Url("web");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await System.InitializeAsync();
        // Expect's own 5 s default is not the context's 30 s: on a loaded machine a page can take longer.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies: one person) at desktop size, on the web app.</summary>
    public async Task<WebVisitor> VisitAsync(string who)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebUrl.ToString(),
            ViewportSize = WebVisitor.Desktop,
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = WebUrl.GetLeftPart(UriPartial.Authority) });
        context.SetDefaultTimeout(30_000);
        return new WebVisitor(who, context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await System.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebSystem>
{
    public const string Name = "Web";
}
