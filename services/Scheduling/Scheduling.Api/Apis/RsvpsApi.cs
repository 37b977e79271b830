using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Domain;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Apis;

/// <summary>RSVPs: members answer for one session or a whole series; capacity is enforced with a waitlist.</summary>
public static class RsvpsApi
{
    public static IEndpointRouteBuilder MapRsvpsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("RSVPs").RequireAuthorization();
        api.MapPut("/sessions/{id:guid}/rsvps/me", RespondAsync).WithName("RespondToSession")
            .WithSummary("RSVP to a session").ProducesProblems(404, 409);
        api.MapGet("/sessions/{id:guid}/rsvps", ListAsync).WithName("ListSessionRsvps").WithSummary("List a session's RSVPs").ProducesProblems(404);
        api.MapPut("/series/{id:guid}/rsvps/me", RespondToSeriesAsync).WithName("RespondToSeries")
            .WithSummary("RSVP to every session of a series").ProducesProblems(404);
        return app;
    }

    public static async Task<Results<Ok<RsvpResult>, ValidationProblem, ProblemHttpResult>> RespondAsync(
        Guid id, RsvpRequest request, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (request.Response is null) return Problems.Invalid("response", "is required: going or not-going.");
        var me = user.PersonId();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var session = await services.Sessions.LockAsync(tx, id, ct);
        if (session is null) return Problems.NotFound("Session");
        if (!(await services.AccessAsync(connection, user, session.StudioId, tx, ct)).IsMember)
            return Problems.Forbidden("Only members of the studio RSVP to its sessions.");
        if (session.IsCancelled)
            return Problems.Conflict("The session is cancelled.", currentState: new { status = session.Status, reason = session.CancelReason });
        if (session.Start <= services.Now)
            return Problems.Conflict("The session has already started; RSVPs are for sessions ahead.", currentState: new { startsAt = session.Start });

        await services.Waitlist.RespondAsync(tx, session, me, request.Response.Value, viaSeries: false, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(RsvpResult.From((await services.Rsvps.GetAsync(connection, id, me, ct: ct))!));
    }

    /// <summary>Everyone's answer; the studio's members, stewards and operators may read it.</summary>
    public static async Task<Results<Ok<IReadOnlyList<RsvpResult>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var session = await services.Sessions.GetAsync(connection, id, ct: ct);
        if (session is null) return Problems.NotFound("Session");
        if (!(await services.AccessAsync(connection, user, session.StudioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its RSVPs.");
        var rows = await services.Rsvps.ListAsync(connection, id, ct);
        return TypedResults.Ok<IReadOnlyList<RsvpResult>>(rows.Select(RsvpResult.From).ToList());
    }

    /// <summary>Answers for every upcoming session of the series, and for the sessions it will have later.</summary>
    public static async Task<Results<Ok<SeriesRsvpResult>, ValidationProblem, ProblemHttpResult>> RespondToSeriesAsync(
        Guid id, RsvpRequest request, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        if (request.Response is null) return Problems.Invalid("response", "is required: going or not-going.");
        var me = user.PersonId();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var series = await services.Series.GetAsync(connection, id, tx, ct: ct);
        if (series is null) return Problems.NotFound("Series");
        if (!(await services.AccessAsync(connection, user, series.StudioId, tx, ct)).IsMember)
            return Problems.Forbidden("Only members of the studio RSVP to its sessions.");

        await services.Series.SetStandingRsvpAsync(tx, id, me, Kebab.Of(request.Response.Value), ct);
        var sessionIds = await services.Sessions.UpcomingOfSeriesAsync(tx, id, services.Now, ct);
        foreach (var sessionId in sessionIds)
        {
            var session = (await services.Sessions.LockAsync(tx, sessionId, ct))!;
            await services.Waitlist.RespondAsync(tx, session, me, request.Response.Value, viaSeries: true, ct);
        }
        await tx.CommitAsync(ct);

        var results = new List<RsvpResult>();
        foreach (var sessionId in sessionIds) results.Add(RsvpResult.From((await services.Rsvps.GetAsync(connection, sessionId, me, ct: ct))!));
        return TypedResults.Ok(new SeriesRsvpResult(id, me, request.Response.Value, results));
    }
}
