using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Studios.Testing;

/// <summary>The response headers every service sends (set once in ServiceDefaults), checked the same way in each service's tests.</summary>
public static class SecurityHeaderChecks
{
    /// <summary>Asserts the headers of a response that may hold personal data: never sniffed, never stored, no server banner.</summary>
    public static void AssertPrivate(HttpResponseMessage response)
    {
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) && sniffing.Single() == "nosniff",
            $"{request}: X-Content-Type-Options: nosniff expected");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{request}: Cache-Control: no-store expected, got '{response.Headers.CacheControl}'");
        Assert.False(response.Headers.Contains("Server"), $"{request}: no Server header expected");
    }

    /// <summary>The test server sends no Server header of its own, so this checks what Kestrel would do in production.</summary>
    public static void AssertKestrelSendsNoServerHeader(IServiceProvider services) =>
        Assert.False(services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader,
            "Kestrel's Server header should be off");

    /// <summary>Checks each response (a personal-data read, a refused request, ...) and the service's Kestrel settings.</summary>
    public static async Task AssertAllAsync(IServiceProvider services, params Func<Task<HttpResponseMessage>>[] requests)
    {
        AssertKestrelSendsNoServerHeader(services);
        foreach (var send in requests)
        {
            using var response = await send();
            AssertPrivate(response);
        }
    }
}
