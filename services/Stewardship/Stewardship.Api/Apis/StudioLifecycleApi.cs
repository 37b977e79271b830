using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Features;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis;

/// <summary>A steward's review and the studio's life after it: approve, decline, pause, resume, retire.
/// Each honours If-Match (412 when stale) and answers 409 with the current state when the transition is not allowed.</summary>
public static class StudioLifecycleApi
{
    public static IEndpointRouteBuilder MapStudioLifecycleApi(this IEndpointRouteBuilder app)
    {
        var studios = app.MapGroup("/api/studios/{id:guid}").WithTags("Studio lifecycle")
            .RequireAuthorization(StudiosPolicies.Steward);
        studios.MapPost("/approve", ApproveAsync).WithName("ApproveStudio").WithSummary("Approve a proposed studio").ProducesProblems(404, 409, 412);
        studios.MapPost("/decline", DeclineAsync).WithName("DeclineStudio").WithSummary("Decline a proposed studio").ProducesProblems(404, 409, 412);
        studios.MapPost("/pause", PauseAsync).WithName("PauseStudio").WithSummary("Pause an active studio").ProducesProblems(404, 409, 412);
        studios.MapPost("/resume", ResumeAsync).WithName("ResumeStudio").WithSummary("Resume a paused studio").ProducesProblems(404, 409, 412);
        studios.MapPost("/retire", RetireAsync).WithName("RetireStudio").WithSummary("Retire a studio").ProducesProblems(404, 409, 412);
        return app;
    }

    public static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveStudioRequest? request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        if (request?.StewardId == Guid.Empty)
        {
            return Task.FromResult<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid("stewardId", "must be a person's id."));
        }
        return TransitionAsync(id, StudioAction.Approve, null, user, http, services, ct,
            (transaction, studio, now) => ApproveWithStewardAsync(transaction, studio, request?.StewardId, user.PersonId(), now, services, ct));
    }

    public static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct) =>
        WithReasonAsync(id, StudioAction.Decline, request, required: true, user, http, services, ct,
            (studio, reason, now) => new StudioDeclined(studio.Id, reason!, user.PersonId(), now));

    public static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct) =>
        WithReasonAsync(id, StudioAction.Pause, request, required: true, user, http, services, ct,
            (studio, reason, now) => new StudioPaused(studio.Id, reason!, user.PersonId(), now));

    public static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services, CancellationToken ct) =>
        TransitionAsync(id, StudioAction.Resume, null, user, http, services, ct, async (transaction, studio, now) =>
        {
            await services.Outbox.EnqueueAsync(transaction, new StudioResumed(studio.Id, user.PersonId(), now), ct);
            return null;
        });

    public static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> RetireAsync(
        Guid id, ReasonRequest? request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct) =>
        WithReasonAsync(id, StudioAction.Retire, request, required: false, user, http, services, ct,
            (studio, reason, now) => new StudioRetired(studio.Id, reason, user.PersonId(), now));

    private static Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> WithReasonAsync<TEvent>(
        Guid id, StudioAction action, ReasonRequest? request, bool required, ClaimsPrincipal user, HttpContext http,
        StewardshipServices services, CancellationToken ct, Func<StudioRow, string?, DateTimeOffset, TEvent> happened)
        where TEvent : class
    {
        var errors = (request ?? new ReasonRequest(null)).Validate(required);
        if (errors.Any)
        {
            return Task.FromResult<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>>(Problems.Invalid(errors));
        }
        var reason = request?.Reason?.Trim() is { Length: > 0 } text ? text : null;
        return TransitionAsync(id, action, reason, user, http, services, ct, async (transaction, studio, now) =>
        {
            await services.Outbox.EnqueueAsync(transaction, happened(studio, reason, now), ct);
            return null;
        });
    }

    /// <summary>Locks the studio, checks If-Match and the lifecycle, changes the state, lets <paramref name="effects"/> enqueue
    /// the events (or refuse with a problem), re-evaluates health when the studio becomes active, and commits all of it at once.</summary>
    private static async Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, StudioAction action, string? reason, ClaimsPrincipal user, HttpContext http, StewardshipServices services,
        CancellationToken ct, Func<NpgsqlTransaction, StudioRow, DateTimeOffset, Task<IResult?>> effects)
    {
        var now = services.Time.GetUtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var studio = await services.Studios.GetAsync(connection, id, ct, transaction, forUpdate: true);
            if (studio is null) return Problems.NotFound("Studio");
            if (!ETags.Matches(http.Request, studio.Version)) return Problems.StaleVersion(ETags.For(studio.Version));
            var current = studio.StudioState;
            if (StudioLifecycle.Next(current, action) is not { } next)
            {
                return Problems.Conflict($"A {current.ToText()} studio cannot be {action.Verb()}d.",
                    $"Allowed: proposed → approve | decline; active → pause | retire; paused → resume | retire. This studio is {current.ToText()}.",
                    current.ToText());
            }

            await services.Studios.ChangeStateAsync(transaction, id, next, reason, user.PersonId(), now, ct);
            switch (await effects(transaction, studio, now))
            {
                case ValidationProblem invalid: return invalid;
                case ProblemHttpResult problem: return problem;
            }
            await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), Audited(action), id,
                Detail: new { from = current.ToText(), to = next.ToText() }), ct);
            if (next == StudioState.Active)
            {
                await services.Evaluator.EvaluateAsync(transaction, id, now, ct);
            }
            await transaction.CommitAsync(ct);
        }
        services.Metrics.Transition(action.Verb() + "d"); // approved, declined, paused, resumed, retired
        services.Counts.Wake();

        var row = (await services.Studios.GetAsync(connection, id, ct))!;
        ETags.Set(http.Response, row.Version);
        return TypedResults.Ok(StudioResponse.From(row));
    }

    private static string Audited(StudioAction action) => action switch
    {
        StudioAction.Approve => AuditActions.StudioApproved,
        StudioAction.Decline => AuditActions.StudioDeclined,
        StudioAction.Pause => AuditActions.StudioPaused,
        StudioAction.Resume => AuditActions.StudioResumed,
        _ => AuditActions.StudioRetired,
    };

    /// <summary>Approval's steward: the one named (who must be in the pool and have room), else one already assigned,
    /// else the steward with the fewest open studios. A studio may be approved with no steward when everyone is full.</summary>
    private static async Task<IResult?> ApproveWithStewardAsync(NpgsqlTransaction transaction, StudioRow studio, Guid? named,
        Guid approvedBy, DateTimeOffset now, StewardshipServices services, CancellationToken ct)
    {
        Guid? steward;
        Guid? assigned = null;
        if (named is { } stewardId)
        {
            switch (await services.Assigner.AssignAsync(transaction, studio.Id, stewardId, approvedBy, now, ct))
            {
                case AssignOutcome.NotInPool:
                    return Problems.Invalid("stewardId", "is not in the steward pool.");
                case AssignOutcome.Full:
                    return Problems.Conflict("That steward already holds as many studios as they may.",
                        "stewardId: choose another steward, or raise their maxStudios.", "full");
                case AssignOutcome.Assigned:
                    assigned = stewardId;
                    break;
            }
            steward = stewardId;
        }
        else if (studio.Stewards.Length > 0)
        {
            steward = studio.Stewards[0];
        }
        else
        {
            steward = assigned = await services.Assigner.AssignLeastLoadedAsync(transaction, studio.Id, now, ct);
        }

        await services.Outbox.EnqueueAsync(transaction, new StudioApproved(studio.Id, studio.Name, studio.FoundingFacilitatorId,
            studio.Capacity, studio.TimeZone, approvedBy, steward, now), ct);
        if (assigned is { } newSteward)
        {
            await services.Audit.RecordAsync(transaction, new AuditEntry(approvedBy, AuditActions.StewardAssigned, studio.Id, newSteward,
                new { automatic = named is null }), ct);
            await services.Outbox.EnqueueAsync(transaction,
                new StewardAssigned(studio.Id, newSteward, named is null ? null : approvedBy, now), ct);
        }
        return null;
    }
}
