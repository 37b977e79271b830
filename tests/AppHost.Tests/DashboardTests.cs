using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Studios.AppHost.Tests;

/// <summary>The dashboard hosted by the AppHost: login URL on the console, its API behind the token, the issuer open,
/// and the services' OTLP telemetry received on the OTLP port.</summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardTests(RunningAppHost appHost)
{
    [Fact]
    public void The_console_shows_the_dashboard_login_url()
    {
        Assert.Contains($"http://127.0.0.1:{appHost.Ports["AppHost"]}/login?t={AppHostProcess.LoginToken}", appHost.Process.Output);
    }

    [Fact]
    public async Task The_dashboard_api_needs_the_token_but_the_token_issuer_does_not()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(appHost.Issuer) };

        using var resources = await anonymous.GetAsync("/api/resources");
        Assert.Equal(HttpStatusCode.Unauthorized, resources.StatusCode);

        using var discovery = await anonymous.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        using var keys = await anonymous.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        using var token = await anonymous.PostAsJsonAsync("/api/dev-tokens", new { name = "Ada", roles = new[] { "participant" } });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Every_service_sends_its_telemetry_to_the_dashboard()
    {
        string[] services = ["membership", "scheduling", "practice-content", "stewardship"];
        await Poll.UntilAsync(
            async () =>
            {
                var seen = await appHost.Api.GetFromJsonAsync<JsonElement[]>("/api/telemetry/resources") ?? [];
                return seen.Select(r => r.GetProperty("serviceName").GetString()).ToArray();
            },
            seen => services.All(seen.Contains),
            TimeSpan.FromSeconds(60), "telemetry from every service");
    }
}
