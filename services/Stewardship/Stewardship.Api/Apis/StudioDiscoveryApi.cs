using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis;

/// <summary>Studio discovery for anyone signed in: search active studios by words, time zone, meeting day, open places.</summary>
public static class StudioDiscoveryApi
{
    private const int MaxTextLength = 200;
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static IEndpointRouteBuilder MapStudioDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studios/search", SearchAsync).WithTags("Studios").WithName("SearchStudios").RequireAuthorization()
            .WithSummary("Search studios by words, time zone, meeting day and places left");
        return app;
    }

    public static async Task<Results<Ok<Page<StudioCardResponse>>, ValidationProblem>> SearchAsync(
        string? q, string? timeZone, string? day, bool? openPlaces, string? cursor, int? limit,
        StudioDiscoveryRepository discovery, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text?.Length > MaxTextLength) errors.Add("q", $"must be at most {MaxTextLength} characters.");
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim();
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add("timeZone", $"'{zone}' is not an IANA time zone (e.g. Europe/London).");
        int? meetingDay = null;
        if (!string.IsNullOrWhiteSpace(day))
        {
            var index = Array.IndexOf(Days, day.Trim().ToLowerInvariant());
            if (index < 0) errors.Add("day", $"must be one of: {string.Join(", ", Days)}.");
            else meetingDay = index + 1;
        }
        var (after, take) = Paging.Read<StudioCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await discovery.SearchAsync(connection,
            new StudioSearch(text, zone, meetingDay, openPlaces ?? false, after, take), services.Time.GetUtcNow(), ct);
        var page = Cursor.ToPage(rows, take, row => new StudioCursor(row.Name, row.Id));
        return TypedResults.Ok(new Page<StudioCardResponse>(page.Items.Select(StudioCardResponse.From).ToList(), page.NextCursor));
    }
}
