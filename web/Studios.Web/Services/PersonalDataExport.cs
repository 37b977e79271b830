using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.Web.Services;

/// <summary>"Download my data": every service's <c>GET /api/people/me/export</c> for the signed-in person, assembled into
/// one JSON document of the same shape as <c>./studios export</c> writes.</summary>
public static class PersonalDataExport
{
    public static IEndpointRouteBuilder MapPersonalDataExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/me/export", ExportAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(MembershipClient membership, SchedulingClient scheduling,
        PracticeContentClient practiceContent, StewardshipClient stewardship, NotificationsClient notifications,
        CancellationToken ct)
    {
        var services = new JsonObject();
        // One after another: the clients share this request's HttpContext (the token), which is not thread-safe.
        foreach (var (name, client) in new (string, ServiceClient)[]
        {
            ("membership", membership), ("scheduling", scheduling), ("practice-content", practiceContent),
            ("stewardship", stewardship), ("notifications", notifications),
        })
        {
            var result = await client.ExportAsync(ct);
            // A service that cannot answer is named in the file, so the person knows the download is incomplete.
            services[name] = result.Succeeded
                ? JsonNode.Parse(result.Value.GetRawText())
                : new JsonObject { ["unavailable"] = result.Problem!.Message };
        }
        var now = DateTimeOffset.UtcNow;
        var document = new JsonObject { ["exportedAt"] = now, ["services"] = services };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions { WriteIndented = true });
        return TypedResults.File(bytes, "application/json", $"studios-export-{now:yyyy-MM-dd}.json");
    }
}
