using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Studios.DevIdentity;

namespace Studios.Foundation.Tests;

/// <summary>The development token issuer answers only on this machine and only in the Development environment.</summary>
public sealed class DevIdentityLoopbackTests : IDisposable
{
    // Any public type of the DevIdentity assembly finds its entry point.
    private readonly WebApplicationFactory<DevTokens> _identity = new();

    [Fact]
    public async Task A_loopback_caller_naming_a_loopback_host_gets_a_token()
    {
        foreach (var host in new[] { "127.0.0.1", "localhost", "[::1]" })
        {
            var response = await SendAsync(host, IPAddress.Loopback);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("ey", (await ReadJsonAsync(response)).GetProperty("token").GetString());
        }
    }

    [Fact]
    public async Task Another_host_name_or_another_address_gets_no_token()
    {
        // A rebound DNS name (a web page's own host pointing at 127.0.0.1): host filtering or the loopback rule refuses it.
        var rebound = await SendAsync("identity.attacker.example", IPAddress.Loopback);
        Assert.Contains(rebound.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.MisdirectedRequest });
        Assert.DoesNotContain("token", await rebound.Content.ReadAsStringAsync());

        var remote = await SendAsync("127.0.0.1", IPAddress.Parse("203.0.113.7"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, remote.StatusCode);
        Assert.Equal("application/problem+json", remote.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void It_refuses_to_start_outside_the_Development_environment(string environment)
    {
        using var elsewhere = _identity.WithWebHostBuilder(builder => builder.UseEnvironment(environment));
        var failure = Assert.ThrowsAny<Exception>(() => elsewhere.Server);
        Assert.Contains("only in the Development environment", failure.ToString());
    }

    private async Task<HttpResponseMessage> SendAsync(string host, IPAddress remote)
    {
        var body = JsonContent.Create(new { name = "Ana", roles = new[] { "operator" } });
        var bytes = await body.ReadAsByteArrayAsync();
        var context = await _identity.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/dev-tokens";
            http.Request.Host = new Microsoft.AspNetCore.Http.HostString(host);
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(bytes);
            http.Connection.RemoteIpAddress = remote;
        });
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode)
        {
            Content = new StreamContent(context.Response.Body),
        };
        if (context.Response.ContentType is { } type) response.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        return response;
    }

    private static async Task<System.Text.Json.JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public void Dispose() => _identity.Dispose();
}
