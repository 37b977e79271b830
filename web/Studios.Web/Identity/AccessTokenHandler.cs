using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Studios.Web.Identity;

/// <summary>Sends the signed-in person's access token (kept in their session cookie) to the service being called.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (http.HttpContext is { } context && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, ct);
    }
}
