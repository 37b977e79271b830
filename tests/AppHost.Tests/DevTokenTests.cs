using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Studios.Launchers;

namespace Studios.AppHost.Tests;

/// <summary>
/// The development token issuer, checked the way a service's JwtBearer checks it: discovery document → JWKS → signature,
/// issuer, audience and lifetime. (No service endpoint requires a token yet; once one does, call it here too.)
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class DevTokenTests(RunningAppHost appHost)
{
    private readonly JsonWebTokenHandler _handler = new();

    [Fact]
    public async Task A_minted_token_validates_against_the_published_keys_and_carries_the_claims()
    {
        var response = await MintAsync(new { subject = "c0ffee00-0000-4000-8000-000000000001", name = "Ada", roles = new[] { "facilitator", "steward" }, email = "ada@example.org" });

        var result = await _handler.ValidateTokenAsync(response.Token, await PublishedValidationAsync());

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("c0ffee00-0000-4000-8000-000000000001", token.Subject);
        Assert.Equal("Ada", token.GetClaim("name").Value);
        Assert.Equal(["facilitator", "steward"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal("ada@example.org", token.GetClaim("email").Value);
        Assert.Equal(["studios"], token.Audiences);
        Assert.Equal("RS256", token.Alg);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Without_a_subject_the_token_is_for_a_new_person_id()
    {
        var response = await MintAsync(new { name = "Grace", roles = new[] { "participant" } });

        var token = new JsonWebToken(response.Token);
        Assert.True(Guid.TryParse(token.Subject, out _), token.Subject);
        Assert.Equal(token.Subject, response.Subject);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var forger = new DevTokens(appHost.Issuer);
        var forged = forger.CreateToken(new DevTokenRequest { Name = "Mallory", Roles = ["operator"] });

        var result = await _handler.ValidateTokenAsync(forged, await PublishedValidationAsync());

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenInvalidSignatureException>(result.Exception);
    }

    [Fact]
    public async Task An_expired_token_from_the_real_key_is_refused()
    {
        // The issuer's own key, as persisted in the data folder: a token that really is ours, only too old.
        using var issuer = DevTokens.LoadOrCreate(appHost.Issuer, Path.Combine(appHost.Data.Path, "secrets", "dev-token-signing-key.pem"));
        var expired = issuer.CreateToken(new DevTokenRequest { Name = "Ada", LifetimeMinutes = 5 }, DateTimeOffset.UtcNow.AddHours(-1));
        var fresh = issuer.CreateToken(new DevTokenRequest { Name = "Ada", LifetimeMinutes = 5 });
        var validation = await PublishedValidationAsync();

        Assert.True((await _handler.ValidateTokenAsync(fresh, validation)).IsValid);
        var result = await _handler.ValidateTokenAsync(expired, validation);
        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task A_bad_lifetime_is_a_validation_problem()
    {
        using var response = await appHost.Api.PostAsJsonAsync("/api/dev-tokens", new { name = "Ada", lifetimeMinutes = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lifetimeMinutes", await response.Content.ReadAsStringAsync());
    }

    private async Task<TokenResponse> MintAsync(object request)
    {
        using var response = await appHost.Api.PostAsJsonAsync("/api/dev-tokens", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    /// <summary>What JwtBearer does with Authority = the AppHost: read the discovery document, then its JWKS.</summary>
    private async Task<TokenValidationParameters> PublishedValidationAsync()
    {
        using var discovery = JsonDocument.Parse(await appHost.Api.GetStringAsync("/.well-known/openid-configuration"));
        var issuer = discovery.RootElement.GetProperty("issuer").GetString();
        var jwksUri = discovery.RootElement.GetProperty("jwks_uri").GetString()!;
        Assert.Equal(appHost.Issuer, issuer);

        var keys = new JsonWebKeySet(await appHost.Api.GetStringAsync(jwksUri));
        return new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = DevTokens.Audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ClockSkew = TimeSpan.Zero,
        };
    }

    private sealed record TokenResponse(string Token, string Subject, DateTimeOffset ExpiresAt);
}
