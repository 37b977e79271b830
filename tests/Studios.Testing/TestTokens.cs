using Microsoft.IdentityModel.Tokens;
using Studios.DevIdentity;

namespace Studios.Testing;

/// <summary>Real signed JWTs for service tests, minted by the same <see cref="DevTokens"/> code the AppHost's
/// development issuer uses; the service validates them with its JwtBearer handler against this key.</summary>
public static class TestTokens
{
    public const string Issuer = "https://studios.test";

    private static readonly DevTokens Tokens = new(Issuer);

    public static SecurityKey SigningKey => Tokens.SigningKey;

    /// <summary>A token for <paramref name="personId"/> with the given roles (participant, facilitator, steward, operator).</summary>
    public static string For(Guid personId, string name, params string[] roles) =>
        ForSubject(personId.ToString(), name, roles);

    /// <summary>A token whose "sub" is exactly <paramref name="subject"/> (e.g. another spelling of a GUID).</summary>
    public static string ForSubject(string subject, string name, params string[] roles) =>
        Tokens.CreateToken(new DevTokenRequest { Subject = subject, Name = name, Roles = roles });
}
