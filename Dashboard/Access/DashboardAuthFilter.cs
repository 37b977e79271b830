namespace Studios.Dashboard.Access;

/// <summary>Guards the dashboard's own routes only (the AppHost's other endpoints are untouched):
/// an API call without the token gets 401, a page redirects to the login page.</summary>
internal sealed class DashboardAuthFilter(DashboardAccess access) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (access.IsAuthorized(request))
        {
            return next(context);
        }
        IResult denied = request.Path.StartsWithSegments("/api")
            ? Results.Text("The dashboard's login token is required (cookie from /login?t=..., or Authorization: Bearer <token>).",
                statusCode: StatusCodes.Status401Unauthorized)
            : Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(request.Path + request.QueryString));
        return ValueTask.FromResult<object?>(denied);
    }
}
