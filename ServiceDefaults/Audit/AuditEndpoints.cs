using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Studios.ServiceDefaults.Http;
using Studios.ServiceDefaults.Identity;

namespace Studios.ServiceDefaults.Audit;

/// <summary>Operators read each service's audit trail: <c>GET /api/audit?studioId=|personId=</c>, newest first, keyset paged.</summary>
public static class AuditEndpoints
{
    public const string Path = "/api/audit";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ReadAsync).WithName("ReadAuditTrail")
            .WithSummary("Read the audit trail of a studio or a person").WithTags("Operations")
            .RequireAuthorization(StudiosPolicies.Operator);
        return endpoints;
    }

    // The ids arrive as text so a malformed one is a 400 naming its field, like every other field error.
    private static async Task<Results<Ok<Page<AuditRecord>>, ValidationProblem>> ReadAsync(
        string? studioId, string? personId, string? cursor, int? limit, AuditReader reader, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var studio = ReadId(studioId, "studioId", errors);
        var person = ReadId(personId, "personId", errors);
        if (studioId is null && personId is null) errors.Add("studioId", "or personId is required: the trail is read per studio or per person.");
        var (before, take) = Paging.Read<long?>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var rows = await reader.ReadAsync(studio, person, before, take, cancellationToken);
        return TypedResults.Ok(Cursor.ToPage(rows, take, row => (long?)row.Id));
    }

    private static Guid? ReadId(string? value, string field, FieldErrors errors)
    {
        if (value is null) return null;
        if (Guid.TryParse(value, out var id) && id != Guid.Empty) return id;
        errors.Add(field, "must be an id (a GUID).");
        return null;
    }
}
