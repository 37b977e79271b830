using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis;

/// <summary>Follow-up actions agreed in check-ins: each steward's open list, and marking one done.</summary>
public static class FollowUpsApi
{
    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stewards/{id:guid}/follow-ups", OpenAsync).WithTags("Follow-ups").WithName("ListOpenFollowUps")
            .WithSummary("List a steward's open follow-ups")
            .RequireAuthorization(StudiosPolicies.StewardOrOperator);
        app.MapPost("/api/follow-ups/{id:guid}/complete", CompleteAsync).WithTags("Follow-ups").WithName("CompleteFollowUp")
            .WithSummary("Complete a follow-up").ProducesProblems(404)
            .RequireAuthorization(StudiosPolicies.Steward);
        return app;
    }

    /// <summary>A steward's open follow-ups, soonest due first: for that steward and for operators.</summary>
    public static async Task<Results<Ok<Page<FollowUpResponse>>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid id, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        if (id != user.PersonId() && !user.IsOperator())
        {
            return Problems.Forbidden("Stewards see their own follow-ups; operators see everyone's.");
        }
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<FollowUpCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await services.CheckIns.OpenFollowUpsAsync(connection, id, after, take, ct);
        var page = Cursor.ToPage(rows, take, row => new FollowUpCursor(row.DueOn, row.Id));
        return TypedResults.Ok(new Page<FollowUpResponse>(page.Items.Select(FollowUpResponse.From).ToList(), page.NextCursor));
    }

    /// <summary>Marks the follow-up done; completing it again changes nothing.</summary>
    public static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var followUp = await services.CheckIns.GetFollowUpAsync(connection, id, ct, transaction);
            if (followUp is null) return Problems.NotFound("Follow-up");
            if (followUp.StewardId != user.PersonId())
            {
                return Problems.Forbidden("Only the steward who agreed a follow-up completes it.");
            }
            if (followUp.CompletedAt is null)
            {
                var now = services.Time.GetUtcNow();
                await services.CheckIns.CompleteFollowUpAsync(transaction, id, user.PersonId(), now, ct);
                await services.Outbox.EnqueueAsync(transaction, new FollowUpCompleted(id, followUp.StudioId, followUp.StewardId, now), ct);
            }
            await transaction.CommitAsync(ct);
        }
        return TypedResults.Ok(FollowUpResponse.From((await services.CheckIns.GetFollowUpAsync(connection, id, ct))!));
    }
}
