using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Studios.Testing;

/// <summary>Real signed JWTs for service tests: the service validates them with its JwtBearer handler against
/// this issuer's key, exactly as it does against the AppHost's development issuer.</summary>
public static class TestTokens
{
    public const string Issuer = "https://studios.test";

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "studios-test" };

    /// <summary>A token for <paramref name="personId"/> with the given roles (participant, facilitator, steward, operator).</summary>
    public static string For(Guid personId, string name, params string[] roles) =>
        Create(personId.ToString(), name, roles, DateTime.UtcNow.AddHours(1), SigningKey);

    public static string Create(string subject, string name, IEnumerable<string> roles, DateTime expires, SecurityKey key,
        string? email = null)
    {
        var claims = new List<Claim> { new("sub", subject), new("name", name) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (email is not null) claims.Add(new Claim("email", email));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            IssuedAt = expires.AddHours(-2),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
