using Studios.Dashboard.Pages;

namespace Studios.Dashboard.Access;

/// <summary>GET /login?t=token sets the auth cookie and goes on to the page asked for; without a valid token, the login form.</summary>
internal static class LoginApi
{
    public static IEndpointRouteBuilder MapLoginApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", Login).WithName("DashboardLogin").ExcludeFromDescription();
        endpoints.MapPost("/logout", Logout).WithName("DashboardLogout").ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Login(HttpContext context, DashboardAccess access, StaticAssets assets, string? t, string? returnUrl)
    {
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
        if (t is not null && access.IsValidToken(t))
        {
            context.Response.Cookies.Append(DashboardAccess.CookieName, access.CookieValue, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect(target);
        }
        var status = t is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        return assets.Page("login.html", status);
    }

    private static IResult Logout(HttpContext context)
    {
        context.Response.Cookies.Delete(DashboardAccess.CookieName);
        return Results.Redirect("/login");
    }
}
