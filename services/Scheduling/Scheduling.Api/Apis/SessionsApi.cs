using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Contracts;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Apis;

/// <summary>Sessions: listed by members, edited one at a time ("this session only") by the studio's facilitators.</summary>
public static class SessionsApi
{
    public const int MaxReasonLength = 500;
    public static readonly TimeSpan MaxListRange = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Sessions").RequireAuthorization();
        api.MapGet("/studios/{studioId:guid}/sessions", ListAsync).WithName("ListStudioSessions")
            .WithSummary("List a studio's sessions").ProducesProblems(404);
        api.MapGet("/sessions/{id:guid}", GetAsync).WithName("GetSession").WithSummary("Get a session").ProducesProblems(404);
        api.MapPost("/sessions/{id:guid}/reschedule", RescheduleAsync).WithName("RescheduleSession")
            .WithSummary("Move a session").ProducesProblems(404, 409, 412);
        api.MapPost("/sessions/{id:guid}/cancel", CancelAsync).WithName("CancelSession")
            .WithSummary("Cancel a session").ProducesProblems(404, 409, 412);
        api.MapPut("/sessions/{id:guid}/facilitator", SetFacilitatorAsync).WithName("SetSessionFacilitator")
            .WithSummary("Set who facilitates a session").ProducesProblems(404, 409, 412);
        api.MapPut("/sessions/{id:guid}/plan", SetPlanAsync).WithName("SetSessionPlan")
            .WithSummary("Attach a session plan to a session").ProducesProblems(404, 409, 412);
        return app;
    }

    /// <summary>Sessions starting in [from, to) (default: now to the horizon), cancelled ones included, by start.</summary>
    public static async Task<Results<Ok<Page<SessionResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid studioId, DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, ClaimsPrincipal user,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (!services.Window(from, to, out var start, out var end, out var problem)) return problem!;
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<SessionKey>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (await services.Studios.GetAsync(connection, studioId, ct: ct) is null) return Problems.NotFound("Studio");
        if (!(await services.AccessAsync(connection, user, studioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its sessions.");
        var rows = await services.Sessions.ListAsync(connection, [studioId], start, end, after, take, user.PersonId(), ct);
        return TypedResults.Ok(SessionResponse.PageOf(rows, take));
    }

    public static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var session = await services.Sessions.GetAsync(connection, id, user.PersonId(), ct: ct);
        if (session is null) return Problems.NotFound("Session");
        if (!(await services.AccessAsync(connection, user, session.StudioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its sessions.");
        ETags.Set(response, session.Version);
        return TypedResults.Ok(SessionResponse.From(session));
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        Guid id, RescheduleRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        var now = services.Now;
        var errors = new FieldErrors();
        if (request.StartsAt is null) errors.Add("startsAt", "is required (an instant with its offset, e.g. 2027-03-16T19:30:00+01:00).");
        else if (request.StartsAt <= now) errors.Add("startsAt", "must be in the future.");
        if (request.DurationMinutes is <= 0 or > SeriesRules.MaxDurationMinutes)
            errors.Add("durationMinutes", $"must be more than 0 and at most {SeriesRules.MaxDurationMinutes} (24 hours).");
        if (errors.Any) return Problems.Invalid(errors);

        return await EditAsync(id, user, http, response, services, ct, async (tx, session) =>
        {
            var duration = request.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : session.End - session.Start;
            var startsAt = request.StartsAt!.Value.ToUniversalTime();
            await services.Sessions.RescheduleAsync(tx, id, startsAt, startsAt + duration, ct);
            var coming = await services.Rsvps.ComingAsync(tx, id, ct);
            await services.Outbox.EnqueueAsync(tx, new SessionRescheduled(id, session.StudioId, session.Start, startsAt,
                startsAt + duration, session.Sequence + 1, now, coming), ct);
            return null;
        });
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        var errors = new FieldErrors().Text(request.Reason, "reason", MaxReasonLength);
        if (errors.Any) return Problems.Invalid(errors);
        return await EditAsync(id, user, http, response, services, ct, async (tx, session) =>
        {
            await services.Cancellations.CancelAsync(tx, session, request.Reason!.Trim(), CancelCause.Facilitator, ct);
            return null;
        });
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SetFacilitatorAsync(
        Guid id, FacilitatorRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (request.FacilitatorId is null) return Problems.Invalid("facilitatorId", "is required.");
        return await EditAsync(id, user, http, response, services, ct, async (tx, session) =>
        {
            var errors = new FieldErrors();
            await SeriesApi.CheckFacilitatorAsync(services, tx.Connection!, session.StudioId, request.FacilitatorId.Value, errors, ct, tx);
            if (errors.Any) return Problems.Invalid(errors);
            await services.Sessions.SetFacilitatorAsync(tx, id, request.FacilitatorId.Value, ct);
            return null;
        }, allowStarted: true);
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> SetPlanAsync(
        Guid id, PlanRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct) =>
        await EditAsync(id, user, http, response, services, ct, async (tx, session) =>
        {
            if (request.PlanId is { } planId)
            {
                var plan = await services.Plans.GetAsync(tx.Connection!, planId, tx, ct);
                if (plan is null) return Problems.Invalid("planId", "is not a published session plan.");
                if (plan.StudioId != session.StudioId) return Problems.Invalid("planId", "is a plan of another studio.");
            }
            await services.Sessions.SetPlanAsync(tx, id, request.PlanId, ct);
            return null;
        }, allowStarted: true);

    /// <summary>The shared shape of a facilitator's edit: lock, check rights, state and If-Match, apply, commit, answer.</summary>
    private static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, ClaimsPrincipal user, HttpRequest http, HttpResponse response, SchedulingServices services, CancellationToken ct,
        Func<NpgsqlTransaction, SessionRow, Task<ValidationProblem?>> apply, bool allowStarted = false)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = await services.Sessions.LockAsync(tx, id, ct);
        if (session is null) return Problems.NotFound("Session");
        if (!(await services.AccessAsync(connection, user, session.StudioId, tx, ct)).CanManage)
            return Problems.Forbidden("Only the studio's facilitators change its sessions.");
        if (!ETags.Matches(http, session.Version)) return Problems.StaleVersion(ETags.For(session.Version));
        if (session.IsCancelled)
            return Problems.Conflict("The session is cancelled.", currentState: new { status = session.Status, reason = session.CancelReason });
        if (!allowStarted && session.Start <= services.Now)
            return Problems.Conflict("The session has already started; only sessions ahead can be changed.",
                currentState: new { startsAt = session.Start });

        var invalid = await apply(tx, session);
        if (invalid is not null) return invalid;
        await tx.CommitAsync(ct);

        var updated = (await services.Sessions.GetAsync(connection, id, user.PersonId(), ct: ct))!;
        ETags.Set(response, updated.Version);
        return TypedResults.Ok(SessionResponse.From(updated));
    }
}
