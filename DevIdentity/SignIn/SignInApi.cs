using Microsoft.AspNetCore.WebUtilities;

namespace Studios.DevIdentity.SignIn;

/// <summary>
/// The OpenID Connect code flow for the web app in a local run: /connect/authorize shows the sign-in page and answers
/// with a code, /connect/token redeems it (PKCE checked) for an ID token and an access token the services accept,
/// /connect/endsession returns to the app. The identity keeps no session of its own: every sign-in asks who you are.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").WithTags("Sign-in").ExcludeFromDescription();
        connect.MapGet("/authorize", ShowSignIn).WithName("Authorize");
        connect.MapPost("/authorize", SignIn).WithName("AuthorizeSignIn").DisableAntiforgery();
        connect.MapPost("/token", Token).WithName("Token").DisableAntiforgery();
        connect.MapGet("/endsession", EndSession).WithName("EndSession");
        return endpoints;
    }

    private static IResult ShowSignIn(HttpRequest http, DevPeople people)
    {
        var request = AuthorizeRequest.From(name => http.Query[name].FirstOrDefault());
        if (request.ValidRedirectUri is null) return BadRedirect();
        if (request.Problem() is { } problem) return RedirectWithError(request, problem);
        return Page(request, people, null);
    }

    private static async Task<IResult> SignIn(HttpRequest http, DevPeople people, AuthorizationCodes codes)
    {
        var form = await http.ReadFormAsync();
        var request = AuthorizeRequest.From(name => form[name].FirstOrDefault());
        if (request.ValidRedirectUri is null) return BadRedirect();
        if (request.Problem() is { } problem) return RedirectWithError(request, problem);

        var roles = form["role"].Where(role => SignInPage.Roles.Contains(role)).Select(role => role!).Distinct().ToArray();
        DevPerson? person;
        if (form["subject"].FirstOrDefault() is { Length: > 0 } subject)
        {
            person = people.Find(subject);
            if (person is null) return Page(request, people, "That person is no longer known here; create them again.");
        }
        else
        {
            var name = form["name"].FirstOrDefault()?.Trim();
            var email = form["email"].FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(email) || !email.Contains('@'))
                return Page(request, people, "A new person needs a name and an email address.");
            person = new DevPerson(Guid.NewGuid().ToString(), name, email, roles);
        }
        person = people.Remember(person with { Roles = roles });

        var code = codes.Issue(person, request.ClientId!, request.RedirectUri!, request.CodeChallenge!, request.Nonce);
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri!,
            new Dictionary<string, string?> { ["code"] = code, ["state"] = request.State }));
    }

    private static async Task<IResult> Token(HttpRequest http, AuthorizationCodes codes, DevTokens tokens)
    {
        var form = await http.ReadFormAsync();
        if (form["grant_type"] != "authorization_code")
            return OAuthError("unsupported_grant_type", "Only grant_type=authorization_code is supported.");
        var grant = codes.Redeem(form["code"].ToString(), form["client_id"].ToString(), form["redirect_uri"].ToString(),
            form["code_verifier"].ToString());
        if (grant is null)
            return OAuthError("invalid_grant", "The code is unknown, used, expired, for another client or redirect URI, or the code_verifier does not match.");

        var person = grant.Person;
        var lifetime = TimeSpan.FromMinutes(60);
        var access = tokens.CreateToken(new DevTokenRequest
        {
            Subject = person.Subject, Name = person.Name, Email = person.Email, Roles = person.Roles,
            LifetimeMinutes = (int)lifetime.TotalMinutes,
        });
        var identity = tokens.CreateIdToken(person.Subject, person.Name, person.Email, person.Roles, grant.ClientId, grant.Nonce, lifetime);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["id_token"] = identity,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
        });
    }

    private static IResult EndSession(HttpRequest http)
    {
        var target = http.Query["post_logout_redirect_uri"].FirstOrDefault();
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            return Results.Content("<!doctype html><html lang=\"en\"><title>Signed out</title><main><h1>You are signed out.</h1></main></html>", "text/html");
        return Results.Redirect(QueryHelpers.AddQueryString(target!,
            new Dictionary<string, string?> { ["state"] = http.Query["state"].FirstOrDefault() }));
    }

    private static IResult Page(AuthorizeRequest request, DevPeople people, string? error) =>
        Results.Content(SignInPage.Render(request, people.All, error), "text/html; charset=utf-8",
            statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static IResult BadRedirect() => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "redirect_uri must be an absolute http(s) URL on loopback.");

    private static IResult RedirectWithError(AuthorizeRequest request, (string Error, string Description) problem) =>
        Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri!, new Dictionary<string, string?>
        {
            ["error"] = problem.Error, ["error_description"] = problem.Description, ["state"] = request.State,
        }));

    private static IResult OAuthError(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
