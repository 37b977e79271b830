using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Apis;

/// <summary>A studio's health, evaluated now with every component of its score.</summary>
public static class StudioHealthApi
{
    public static IEndpointRouteBuilder MapStudioHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studios/{id:guid}/health", GetAsync).WithTags("Health").WithName("GetStudioHealth")
            .WithSummary("Get a studio's health").ProducesProblems(404).RequireAuthorization();
        return app;
    }

    /// <summary>For stewards, operators and the studio's own facilitators.</summary>
    public static async Task<Results<Ok<StudioHealthResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var studio = await services.Studios.GetAsync(connection, id, ct);
        if (studio is null || !user.CanSee(studio)) return Problems.NotFound("Studio");
        var me = user.PersonId();
        if (!user.IsStewardOrOperator() && studio.FoundingFacilitatorId != me
            && !await services.Activity.IsFacilitatorAsync(connection, id, me, ct))
        {
            return Problems.Forbidden("A studio's health is for stewards, operators and its facilitators.");
        }

        var now = services.Time.GetUtcNow();
        var inputs = await services.Health.LoadInputsAsync(connection, id, studio.ActiveSince ?? studio.StateChangedAt, now, ct);
        var assessment = HealthRules.Assess(inputs, now);
        var published = await services.Health.GetAsync(connection, id, ct);
        return TypedResults.Ok(new StudioHealthResponse(id, studio.StudioState, assessment.State, assessment.Score, assessment.Components,
            assessment.Reasons, assessment.AttendanceRate, assessment.CadenceKept, inputs, now,
            published is null ? null : HealthStates.Parse(published.State), published?.ChangedAt));
    }
}
