using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Studios.DevIdentity;

/// <summary>
/// The development token issuer's key and tokens: the AppHost serves its discovery document and JWKS,
/// tests mint tokens with the same code. RS256, audience "studios", one "role" claim per role.
/// </summary>
public sealed class DevTokens : IDisposable
{
    public const string Audience = "studios";
    public const int MaxLifetimeMinutes = 24 * 60;

    private readonly RSA _rsa;
    private readonly RsaSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="issuer">e.g. http://127.0.0.1:18888, also the base of the JWKS address.</param>
    /// <param name="rsa">The signing key; a new 2048-bit key when omitted.</param>
    public DevTokens(string issuer, RSA? rsa = null)
    {
        Issuer = issuer.TrimEnd('/');
        _rsa = rsa ?? RSA.Create(2048);
        // The key id is the key's own thumbprint (RFC 7638), so a persisted key keeps its id.
        var publicKey = new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false));
        _key = new RsaSecurityKey(_rsa) { KeyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint()) };
    }

    public string Issuer { get; }

    public string JwksUri => Issuer + "/.well-known/jwks.json";

    public string KeyId => _key.KeyId;

    /// <summary>The public half, for validating tokens in tests without fetching the JWKS.</summary>
    public SecurityKey SigningKey => _key;

    /// <summary>Reads the key from <paramref name="keyFile"/> (PEM), or creates it there readable by its owner only,
    /// so tokens minted before an AppHost restart stay valid.</summary>
    public static DevTokens LoadOrCreate(string issuer, string keyFile)
    {
        var rsa = RSA.Create();
        if (File.Exists(keyFile))
        {
            rsa.ImportFromPem(File.ReadAllText(keyFile));
            return new DevTokens(issuer, rsa);
        }
        rsa.KeySize = 2048;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(keyFile, options)) writer.Write(rsa.ExportRSAPrivateKeyPem());
        return new DevTokens(issuer, rsa);
    }

    /// <summary>A signed JWT. <paramref name="now"/> lets tests make tokens that are already expired.</summary>
    public string CreateToken(DevTokenRequest request, DateTimeOffset? now = null)
    {
        var lifetime = request.LifetimeMinutes ?? 60;
        if (lifetime is < 1 or > MaxLifetimeMinutes)
            throw new ArgumentException($"lifetimeMinutes must be between 1 and {MaxLifetimeMinutes}.", nameof(request));
        var subject = string.IsNullOrWhiteSpace(request.Subject) ? Guid.NewGuid().ToString() : request.Subject;
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;

        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["name"] = string.IsNullOrWhiteSpace(request.Name) ? subject : request.Name,
        };
        // An array becomes one "role" claim per element on the receiving side.
        var roles = (request.Roles ?? []).Where(role => !string.IsNullOrWhiteSpace(role)).ToArray();
        if (roles.Length > 0) claims["role"] = roles;
        if (!string.IsNullOrWhiteSpace(request.Email)) claims["email"] = request.Email;

        return Sign(Audience, claims, issuedAt, TimeSpan.FromMinutes(lifetime));
    }

    /// <summary>An ID token for the code flow (OpenID Connect Core §2): the client is its audience, the nonce it sent
    /// comes back.</summary>
    public string CreateIdToken(string subject, string name, string email, IReadOnlyList<string> roles, string clientId,
        string? nonce, TimeSpan lifetime)
    {
        var issuedAt = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = name, ["email"] = email };
        if (roles.Count > 0) claims["role"] = roles.ToArray();
        if (!string.IsNullOrEmpty(nonce)) claims["nonce"] = nonce;
        return Sign(clientId, claims, issuedAt, lifetime);
    }

    private string Sign(string audience, Dictionary<string, object> claims, DateTime issuedAt, TimeSpan lifetime) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.Add(lifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>What a relying party checks: this issuer, audience "studios", this key, the lifetime.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = _key,
        ClockSkew = TimeSpan.Zero,
    };

    public string JwksJson()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    /// <summary>The OpenID Connect discovery document: the issuer and its keys (what JwtBearer needs) and the code flow
    /// with PKCE the web app signs in through (SignIn/SignInApi).</summary>
    public string OpenIdConfigurationJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = JwksUri,
        ["authorization_endpoint"] = Issuer + "/connect/authorize",
        ["token_endpoint"] = Issuer + "/connect/token",
        ["end_session_endpoint"] = Issuer + "/connect/endsession",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "none" },
        ["scopes_supported"] = new[] { "openid", "profile", "email" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["claims_supported"] = new[] { "sub", "name", "role", "email" },
    });

    public void Dispose() => _rsa.Dispose();
}

/// <summary>The body of POST /api/dev-tokens: who the token is for. Subject defaults to a new GUID (person ids are GUIDs).</summary>
public sealed record DevTokenRequest
{
    public string? Subject { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public string? Email { get; init; }
    public int? LifetimeMinutes { get; init; }
}
