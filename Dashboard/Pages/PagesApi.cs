namespace Studios.Dashboard.Pages;

/// <summary>The pages (one HTML shell; the script draws the page the path names) and their static files.</summary>
internal static class PagesApi
{
    private static readonly string[] Routes = ["/", "/resources", "/console", "/logs", "/traces", "/traces/{traceId}", "/metrics"];

    /// <summary>The pages themselves need the login; their scripts and styles do not (they hold no data).</summary>
    public static void MapPages(this IEndpointRouteBuilder guarded, IEndpointRouteBuilder open)
    {
        foreach (var route in Routes)
        {
            guarded.MapGet(route, (StaticAssets assets) => assets.Page("index.html")).ExcludeFromDescription();
        }
        open.MapGet("/_dashboard/{**path}", (HttpContext context, StaticAssets assets, string path) => assets.File(context, path))
            .WithName("DashboardAssets")
            .ExcludeFromDescription();
    }
}
