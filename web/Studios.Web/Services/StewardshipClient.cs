using Studios.Web.Services.Models;

namespace Studios.Web.Services;

/// <summary>Stewardship: the studio registry and discovery.</summary>
public sealed class StewardshipClient(HttpClient http) : ServiceClient(http)
{
    public Task<ServiceResult<Page<StudioCard>>> SearchAsync(string? text, string? timeZone, string? day, bool openPlaces, CancellationToken ct)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = text, ["timeZone"] = timeZone, ["day"] = day, ["openPlaces"] = openPlaces ? "true" : null,
        }.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));
        return GetAsync<Page<StudioCard>>("/api/studios/search" + query, ct);
    }

    public Task<ServiceResult<Studio>> StudioAsync(Guid id, CancellationToken ct) => GetAsync<Studio>($"/api/studios/{id}", ct);
}
