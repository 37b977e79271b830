using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Studios.Web.Identity;

public static class SignInExtensions
{
    /// <summary>
    /// OpenID Connect authorization code flow with PKCE against the configured authority; the tokens are kept in the
    /// encrypted session cookie (HttpOnly), never handed to the browser's script, and sent on to the services.
    /// </summary>
    public static WebApplicationBuilder AddWebSignIn(this WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(WebIdentityOptions.Section).Get<WebIdentityOptions>() ?? new();
        builder.Services.AddOptions<WebIdentityOptions>().BindConfiguration(WebIdentityOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "studios";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.AccessDeniedPath = "/forbidden";
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = identity.Authority;
                options.ClientId = identity.ClientId;
                options.ClientSecret = string.IsNullOrEmpty(identity.ClientSecret) ? null : identity.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.SaveTokens = true;
                // The session ends with the access token: the services would refuse it afterwards anyway.
                options.UseTokenLifetime = true;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.Scope.Add("email");
                // Only a loopback authority may be plain HTTP (the development identity); anything else must be HTTPS.
                options.RequireHttpsMetadata = !Uri.TryCreate(identity.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
                options.SignedOutRedirectUri = "/";
                // The answer comes back as a top-level GET (response_mode=query), which Lax cookies survive; the default
                // SameSite=None would need Secure, which a plain-HTTP local run cannot give.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>/signin starts the code flow (back to returnUrl, a local path); /signout ends the cookie session and
    /// the authority's.</summary>
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/signin", (string? returnUrl) => TypedResults.Challenge(new AuthenticationProperties
        {
            RedirectUri = LocalPath(returnUrl),
        }, [OpenIdConnectDefaults.AuthenticationScheme]));
        endpoints.MapPost("/signout", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        return endpoints;
    }

    private static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl : "/";
}
