using Microsoft.AspNetCore.Http.HttpResults;
using Studios.DevIdentity.SignIn;
namespace Studios.DevIdentity;

/// <summary>
/// The development token issuer: an OpenID discovery document and JWKS the services validate against, and
/// POST /api/dev-tokens to mint a token. For local use only; production points the services at a real OIDC authority.
/// </summary>
public static class DevTokensApi
{
    public sealed record TokenResponse(string Token, string Subject, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/openid-configuration", (DevTokens tokens) =>
            Results.Text(tokens.OpenIdConfigurationJson(), "application/json")).WithName("OpenIdConfiguration").WithTags("Dev tokens");
        endpoints.MapGet("/.well-known/jwks.json", (DevTokens tokens) =>
            Results.Text(tokens.JwksJson(), "application/json")).WithName("Jwks").WithTags("Dev tokens");
        endpoints.MapPost("/api/dev-tokens", CreateToken).WithName("CreateDevToken").WithTags("Dev tokens");
        return endpoints;
    }

    private static Results<Ok<TokenResponse>, ValidationProblem> CreateToken(DevTokenRequest? request, DevTokens tokens, DevPeople people)
    {
        request ??= new DevTokenRequest();
        var errors = new Dictionary<string, string[]>();
        if (request.LifetimeMinutes is < 1 or > DevTokens.MaxLifetimeMinutes)
            errors["lifetimeMinutes"] = [$"Must be between 1 and {DevTokens.MaxLifetimeMinutes}."];
        if (request.Roles?.Any(string.IsNullOrWhiteSpace) == true) errors["roles"] = ["Roles must not be empty."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var subject = string.IsNullOrWhiteSpace(request.Subject) ? Guid.NewGuid().ToString() : request.Subject;
        var now = DateTimeOffset.UtcNow;
        var token = tokens.CreateToken(request with { Subject = subject }, now);
        // Whoever got a token may also sign in to the web app as themselves from the sign-in page.
        if (!string.IsNullOrWhiteSpace(request.Name) && !string.IsNullOrWhiteSpace(request.Email))
            people.Remember(new DevPerson(subject, request.Name, request.Email, request.Roles ?? []));
        return TypedResults.Ok(new TokenResponse(token, subject, now.AddMinutes(request.LifetimeMinutes ?? 60)));
    }
}
