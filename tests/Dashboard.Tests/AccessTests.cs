using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Studios.Dashboard.Tests;

/// <summary>The login token guards the pages and /api/*; the OTLP endpoints and the host's own endpoints are not behind it.</summary>
public sealed class AccessTests
{
    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/logs")]
    [InlineData("/api/metrics")]
    [InlineData("/api/resources")]
    [InlineData("/api/console")]
    [InlineData("/api/telemetry/resources")]
    public async Task The_api_needs_the_token(string path)
    {
        await using var host = await DashboardHost.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync(path)).StatusCode);
        var header = new HttpRequestMessage(HttpMethod.Get, path);
        header.Headers.Add("x-dashboard-token", DashboardHost.Token);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.SendAsync(header)).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Add("Authorization", "Bearer not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Login_with_the_token_sets_a_cookie_that_opens_pages_and_api()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await host.Anonymous.GetAsync("/traces?name=x");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login?returnUrl=%2Ftraces%3Fname%3Dx", page.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/login")).StatusCode);
        var wrong = await host.Anonymous.GetAsync("/login?t=wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        var login = await host.Anonymous.GetAsync($"/login?t={DashboardHost.Token}&returnUrl=%2Ftraces");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/traces", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DashboardHost.Token, cookie);

        foreach (var path in new[] { "/traces", "/api/traces" })
        {
            var withCookie = new HttpRequestMessage(HttpMethod.Get, path);
            withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
            Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.SendAsync(withCookie)).StatusCode);
        }
    }

    [Fact]
    public async Task Login_never_redirects_off_the_dashboard()
    {
        await using var host = await DashboardHost.StartAsync();

        var login = await host.Anonymous.GetAsync($"/login?t={DashboardHost.Token}&returnUrl=%2F%2Fevil.example");

        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Static_files_otlp_and_the_hosts_own_endpoints_need_no_token_unless_the_host_asks()
    {
        await using var host = await DashboardHost.StartAsync(mapMore: app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new { issuer = "dev" }));
            app.MapPost("/api/dev-tokens", () => Results.Text("jwt"));
            app.MapGet("/api/apphost/secret", () => Results.Text("guarded")).RequireDashboardLogin();
        });

        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/_dashboard/js/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/.well-known/openid-configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.PostAsync("/api/dev-tokens", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/apphost/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/apphost/secret")).StatusCode);
    }

    [Fact]
    public async Task A_generated_token_is_random_and_appears_in_the_login_url()
    {
        await using var first = await DashboardHost.StartAsync(o => o.LoginToken = null);
        await using var second = await DashboardHost.StartAsync(o => o.LoginToken = null);

        Assert.NotEqual(first.Access.Token, second.Access.Token);
        Assert.True(first.Access.Token.Length >= 32);
        Assert.Equal($"{first.BaseUrl}/login?t={first.Access.Token}", first.Access.LoginUrl);
    }

    [Fact]
    public async Task Anonymous_mode_opens_everything()
    {
        await using var host = await DashboardHost.StartAsync(o => o.AllowAnonymous = true);

        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/api/traces")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous.GetAsync("/traces")).StatusCode);
    }
}
