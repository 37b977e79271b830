using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Studios.DevIdentity.SignIn;

/// <summary>What an authorization code stands for until the client redeems it.</summary>
public sealed record CodeGrant(
    DevPerson Person, string ClientId, string RedirectUri, string CodeChallenge, string? Nonce, DateTimeOffset ExpiresAt);

/// <summary>Authorization codes (RFC 6749 §4.1): random, single use, valid for two minutes, bound to the client, its
/// redirect URI and its PKCE challenge (RFC 7636, S256 only).</summary>
public sealed class AuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, CodeGrant> _grants = new();

    public string Issue(DevPerson person, string clientId, string redirectUri, string codeChallenge, string? nonce)
    {
        var now = time.GetUtcNow();
        foreach (var (stale, grant) in _grants)
            if (grant.ExpiresAt <= now) _grants.TryRemove(stale, out _);
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _grants[code] = new CodeGrant(person, clientId, redirectUri, codeChallenge, nonce, now + Lifetime);
        return code;
    }

    /// <summary>The grant, once: a second redemption, an expired code, another client or redirect URI, or a verifier
    /// that does not hash to the challenge is null.</summary>
    public CodeGrant? Redeem(string code, string clientId, string redirectUri, string codeVerifier)
    {
        if (!_grants.TryRemove(code, out var grant)) return null;
        if (grant.ExpiresAt <= time.GetUtcNow() || grant.ClientId != clientId || grant.RedirectUri != redirectUri) return null;
        return Challenge(codeVerifier) == grant.CodeChallenge ? grant : null;
    }

    public static string Challenge(string codeVerifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
}
