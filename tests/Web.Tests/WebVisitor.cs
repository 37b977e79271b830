using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Studios.Web.Tests;

/// <summary>One person in their own browser context: signs in at the development identity through the web app's
/// OpenID Connect code flow, and checks each page it reaches (axe-core, phone width, no script errors).</summary>
public sealed class WebVisitor(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly List<string> _scriptErrors = Watch(page);

    public string Name { get; } = name;
    public string Email { get; } = $"{name.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..8]}@studios.test";
    public IPage Page { get; } = page;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Signs in as a new person with <paramref name="roles"/>: the web app sends the browser to the identity's
    /// sign-in page and back with a code it redeems (PKCE) for the person's tokens.</summary>
    public async Task SignInAsNewPersonAsync(params string[] roles)
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Studios" })).ToBeVisibleAsync();
        await CheckPageAsync("identity-sign-in");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync(Email);
        foreach (var role in new[] { "participant", "facilitator", "steward", "operator" })
            await Page.Locator($"#new-{role}").SetCheckedAsync(roles.Contains(role));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create and sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Sign out {Name}" })).ToBeVisibleAsync();
    }

    /// <summary>Signs in as someone the identity knows (a token was minted for them): their button on its sign-in page.</summary>
    public async Task SignInAsAsync(string knownName)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {knownName}", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = $"Sign out {knownName}" })).ToBeVisibleAsync();
    }

    /// <summary>axe-core finds nothing serious or critical, the page fits a phone's width without sideways scrolling,
    /// no script error happened; a desktop screenshot is kept as <paramref name="screenshot"/>.png.</summary>
    public async Task CheckPageAsync(string screenshot)
    {
        var axe = await Page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{Page.Url}: {string.Join("; ", serious)}");

        Directory.CreateDirectory(Screenshots);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, screenshot + ".png"), FullPage = true });
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var wide = await Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + e.getAttribute('class') : ''))
                """);
            Assert.Fail($"{Page.Url} is {overflow}px wider than a phone's screen: {string.Join(", ", wide)}.");
        }
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, screenshot + "-phone.png"), FullPage = true });
        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        Assert.True(_scriptErrors.Count == 0, $"Script errors: {string.Join("; ", _scriptErrors)}");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // The location names the resource that failed to load (a console error's text does not).
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})"); };
        return errors;
    }
}
