using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Features;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis;

/// <summary>Which stewards support a studio: stewards assign and unassign each other (capacity permitting).</summary>
public static class StudioStewardsApi
{
    public static IEndpointRouteBuilder MapStudioStewardsApi(this IEndpointRouteBuilder app)
    {
        var stewards = app.MapGroup("/api/studios/{id:guid}/stewards").WithTags("Studio stewards")
            .RequireAuthorization(StudiosPolicies.Steward);
        stewards.MapPost("/", AssignAsync).WithName("AssignSteward").WithSummary("Assign a steward to a studio").ProducesProblems(404, 409, 412);
        stewards.MapDelete("/{stewardId:guid}", UnassignAsync).WithName("UnassignSteward")
            .WithSummary("Unassign a steward from a studio").ProducesProblems(404, 412);
        return app;
    }

    /// <summary>Assigns the steward; assigning one who already supports the studio changes nothing and answers the same.</summary>
    public static async Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignStewardRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return Problems.Invalid(errors);
        var stewardId = request.StewardId!.Value;
        var now = services.Time.GetUtcNow();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var studio = await services.Studios.GetAsync(connection, id, ct, transaction, forUpdate: true);
            if (studio is null) return Problems.NotFound("Studio");
            if (!ETags.Matches(http.Request, studio.Version)) return Problems.StaleVersion(ETags.For(studio.Version));
            if (!studio.StudioState.IsOpen())
            {
                return Problems.Conflict($"A {studio.State} studio takes no stewards.", null, studio.State);
            }
            switch (await services.Assigner.AssignAsync(transaction, id, stewardId, user.PersonId(), now, ct))
            {
                case AssignOutcome.NotInPool:
                    return Problems.Invalid("stewardId", "is not in the steward pool.");
                case AssignOutcome.Full:
                    return Problems.Conflict("That steward already holds as many studios as they may.",
                        "stewardId: choose another steward, or raise their maxStudios.", "full");
                case AssignOutcome.Assigned:
                    await services.Studios.TouchAsync(transaction, id, ct);
                    await services.Outbox.EnqueueAsync(transaction, new StewardAssigned(id, stewardId, user.PersonId(), now), ct);
                    await services.Audit.RecordAsync(transaction,
                        new AuditEntry(user.PersonId(), AuditActions.StewardAssigned, id, stewardId, new { automatic = false }), ct);
                    break;
            }
            await transaction.CommitAsync(ct);
        }
        var row = (await services.Studios.GetAsync(connection, id, ct))!;
        ETags.Set(http.Response, row.Version);
        return TypedResults.Ok(StudioResponse.From(row));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnassignAsync(
        Guid id, Guid stewardId, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var now = services.Time.GetUtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.GetAsync(connection, id, ct, transaction, forUpdate: true);
        if (studio is null) return Problems.NotFound("Studio");
        if (!ETags.Matches(http.Request, studio.Version)) return Problems.StaleVersion(ETags.For(studio.Version));
        await services.Stewards.LockAssignmentsAsync(transaction, ct);
        if (!await services.Stewards.UnassignAsync(transaction, id, stewardId, ct)) return Problems.NotFound("The steward's assignment to this studio");
        await services.Studios.TouchAsync(transaction, id, ct);
        await services.Outbox.EnqueueAsync(transaction, new StewardUnassigned(id, stewardId, user.PersonId(), now), ct);
        await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), AuditActions.StewardUnassigned, id, stewardId), ct);
        await transaction.CommitAsync(ct);
        http.Response.Headers.ETag = ETags.For(studio.Version + 1);
        return TypedResults.NoContent();
    }
}
