using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

public static class JoinRequestsApi
{
    public const int MaxIntakeAnswer = 2000;

    public static IEndpointRouteBuilder MapJoinRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studios/{studioId:guid}/join-requests").WithTags("Join requests").RequireAuthorization();

        api.MapPost("/", Join).WithName("JoinStudio").WithSummary("Ask to join a studio").ProducesProblems(404, 409);
        api.MapGet("/{requestId:guid}", GetJoinRequest).WithName("GetJoinRequest").WithSummary("Get a join request").ProducesProblems(404);
        api.MapPost("/{requestId:guid}/approve", Approve).WithName("ApproveJoinRequest")
            .WithSummary("Approve a join request").ProducesProblems(404, 409);
        api.MapPost("/{requestId:guid}/decline", Decline).WithName("DeclineJoinRequest")
            .WithSummary("Decline a join request").ProducesProblems(404, 409);
        return app;
    }

    /// <summary>The signed-in person joins under the studio's policy: open → active (or waitlisted when full),
    /// request-to-join → requested, invite-only → refused.</summary>
    public static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> Join(
        Guid studioId, JoinStudioRequest? request, [AsParameters] MembershipServices services)
    {
        var errors = new FieldErrors().Text(request?.IntakeAnswer, "intakeAnswer", MaxIntakeAnswer, required: false);
        if (errors.Any) return Problems.Invalid(errors);
        var (me, ct) = (services.Me, services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Person before studio, the order erasure locks in: a join cannot race the person's erasure.
        var person = await services.People.LockAsync(transaction, me, exclusive: false, ct);
        if (person is null || person.IsErased) return MembershipProblems.NotRegistered();
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();

        var current = await services.Memberships.CurrentAsync(transaction, studioId, me, ct);
        var counts = await services.Memberships.CountAsync(connection, studioId, ct);
        var decision = JoinRules.Join(studio.Status, studio.JoinPolicy, current?.State, studio.Capacity ?? 0, (int)counts.ActiveParticipants);
        switch (decision.Refusal)
        {
            case JoinRefusal.StudioNotOpen:
                return MembershipProblems.StudioNotOpen(studio.Status);
            case JoinRefusal.AlreadyMember:
                return Problems.Conflict("You already belong to this studio or asked to join it.", currentState: new { state = current!.State });
            case JoinRefusal.InviteOnly:
                return Problems.Forbidden("This studio is invite-only: accept an invitation from its facilitators to join.");
        }

        var answer = string.IsNullOrWhiteSpace(request?.IntakeAnswer) ? null : request.IntakeAnswer.Trim();
        // A pending invitation's roster line becomes this join; the invitation itself stays usable.
        var row = (current ?? MembershipRow.New(studioId, me, StudioRoles.Participant, decision.State!, services.Time.GetUtcNow()))
            with { Role = StudioRoles.Participant, IntakeAnswer = answer, InvitationId = null };
        var tally = new RosterTally();
        row = await services.Roster.AdmitAsync(transaction, row, decision.State!, decision.JoinedVia!, tally, ct);
        if (row.State == MemberStates.Requested)
            await services.Outbox.EnqueueAsync(transaction, new JoinRequested(row.Id, studioId, me, services.Time.GetUtcNow()), ct);
        var view = (await services.RosterViews.ViewAsync(connection, row.StudioId, row.Id, ct))!;
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.Created($"/api/studios/{studioId}/join-requests/{row.Id}", MemberResponse.From(view, showContact: true));
    }

    /// <summary>A join request (a membership): for the requester, the studio's facilitators, stewards and operators.</summary>
    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> GetJoinRequest(
        Guid studioId, Guid requestId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var view = await services.RosterViews.ViewAsync(connection, studioId, requestId, services.Aborted);
        if (view is null) return Problems.NotFound("Join request");
        var viewerRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, services.Aborted);
        if (view.PersonId != services.Me && !StudioRoleRules.Manages(viewerRole) && !services.IsStewardOrOperator)
            return Problems.Forbidden("Only the requester, the studio's facilitators, stewards and operators see a join request.");
        return TypedResults.Ok(MemberResponse.From(view, services.ShowsContact(view.PersonId, viewerRole)));
    }

    /// <summary>A facilitator approves a request: the requester takes a place, or the first free one after the waitlist.</summary>
    public static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Approve(
        Guid studioId, Guid requestId, [AsParameters] MembershipServices services) =>
        DecideAsync(studioId, requestId, approve: true, services);

    public static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Decline(
        Guid studioId, Guid requestId, [AsParameters] MembershipServices services) =>
        DecideAsync(studioId, requestId, approve: false, services);

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> DecideAsync(
        Guid studioId, Guid requestId, bool approve, MembershipServices services)
    {
        var ct = services.Aborted;
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct);
        if (!StudioRoleRules.Manages(actorRole)) return MembershipProblems.NotFacilitator();
        var row = await services.Memberships.FindAsync(transaction, studioId, requestId, ct);
        if (row is null) return Problems.NotFound("Join request");
        if (row.State != MemberStates.Requested)
            return Problems.Conflict("This join request was already decided or withdrawn.", currentState: new { state = row.State });

        var tally = new RosterTally();
        row = row with { DecidedBy = services.Me };
        if (approve)
        {
            var counts = await services.Memberships.CountAsync(connection, studioId, ct);
            var decision = JoinRules.Approve(studio.Status, row.State, studio.Capacity ?? 0, (int)counts.ActiveParticipants);
            if (decision.Refusal == JoinRefusal.StudioNotOpen) return MembershipProblems.StudioNotOpen(studio.Status);
            row = await services.Roster.AdmitAsync(transaction, row, decision.State!, decision.JoinedVia!, tally, ct);
        }
        else
        {
            row = await services.Roster.EndAsync(transaction, row, MemberStates.Declined, EndReasons.Declined, services.Me, tally, ct);
        }
        await services.Outbox.EnqueueAsync(transaction, new JoinRequestDecided(row.Id, studioId, row.PersonId,
            approve ? "approved" : "declined", row.State, services.Me, services.Time.GetUtcNow()), ct);
        var view = (await services.RosterViews.ViewAsync(connection, row.StudioId, row.Id, ct))!;
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.Ok(MemberResponse.From(view, showContact: true));
    }
}
