using System.Security.Cryptography;
using System.Text;

namespace Studios.Dashboard.Access;

/// <summary>The login token and how a request proves it knows it: the cookie set by /login?t=..., an
/// "Authorization: Bearer" header, or the x-dashboard-token header.</summary>
public sealed class DashboardAccess
{
    public const string CookieName = "studios-dashboard";
    public const string TokenHeader = "x-dashboard-token";

    private readonly byte[] cookieValue;

    public DashboardAccess(DashboardOptions options)
    {
        Token = string.IsNullOrEmpty(options.LoginToken)
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))
            : options.LoginToken;
        AllowAnonymous = options.AllowAnonymous;
        BaseUrl = $"http://127.0.0.1:{options.DashboardPort}";
        // The cookie carries a hash of the token, not the token.
        cookieValue = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("studios-dashboard:" + Token))));
    }

    public string Token { get; }

    public bool AllowAnonymous { get; }

    /// <summary>http://127.0.0.1:{DashboardPort}</summary>
    public string BaseUrl { get; }

    /// <summary>The URL to print on the console: opening it logs the browser in.</summary>
    public string LoginUrl => $"{BaseUrl}/login?t={Uri.EscapeDataString(Token)}";

    internal string CookieValue => Encoding.ASCII.GetString(cookieValue);

    public bool IsValidToken(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Token));

    public bool IsAuthorized(HttpRequest request)
    {
        if (AllowAnonymous)
        {
            return true;
        }
        if (request.Cookies.TryGetValue(CookieName, out var cookie)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie ?? ""), cookieValue))
        {
            return true;
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && IsValidToken(authorization["Bearer ".Length..].Trim()))
        {
            return true;
        }
        return IsValidToken(request.Headers[TokenHeader].ToString() is { Length: > 0 } header ? header : null);
    }
}
