using System.Net;
using System.Text.RegularExpressions;
using Studios.Dashboard.Pages;

namespace Studios.Dashboard.Tests;

public sealed partial class PagesTests
{
    [Fact]
    public async Task Every_page_and_file_is_served_from_the_assembly_and_fetches_nothing_from_the_internet()
    {
        await using var host = await DashboardHost.StartAsync();
        var assets = new StaticAssets();
        Assert.Contains("index.html", assets.Paths);
        Assert.Contains("js/pages/trace.js", assets.Paths);

        foreach (var path in assets.Paths)
        {
            using var response = await host.Anonymous.GetAsync("/_dashboard/" + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.False(ExternalReference().IsMatch(text), $"{path} refers to something outside the dashboard.");
        }
        foreach (var page in new[] { "/", "/resources", "/console", "/logs", "/traces", "/traces/0af7651916cd43dd8448eb211c80319c", "/metrics" })
        {
            using var response = await host.Api.GetAsync(page);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_unchanged_file_is_revalidated_not_downloaded_again()
    {
        await using var host = await DashboardHost.StartAsync();
        using var first = await host.Anonymous.GetAsync("/_dashboard/dashboard.css");
        var request = new HttpRequestMessage(HttpMethod.Get, "/_dashboard/dashboard.css");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        using var second = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']https?://|url\(\s*["']?https?://|(from|import)\s*\(?\s*["']https?://|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
