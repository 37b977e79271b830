using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using Studios.ServiceDefaults.Identity;

namespace Studios.ServiceDefaults.PersonalData;

/// <summary><c>GET /api/people/me/export</c>: what this service holds about the signed-in person, as JSON.</summary>
public static class PersonalDataEndpoints
{
    public const string Path = "/api/people/me/export";

    public static IEndpointRouteBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).WithName("ExportMyData")
            .WithSummary("Export what this service holds about the caller").WithTags("People").RequireAuthorization();
        return endpoints;
    }

    private static async Task<Ok<PersonalDataExport>> ExportAsync(
        ClaimsPrincipal user, PersonalDataExporter exporter, CancellationToken cancellationToken) =>
        TypedResults.Ok(await exporter.ExportAsync(user.PersonId(), cancellationToken));
}
