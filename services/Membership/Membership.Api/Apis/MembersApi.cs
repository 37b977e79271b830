using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studios/{studioId:guid}/members/{personId:guid}").WithTags("Members").RequireAuthorization();

        api.MapPost("/leave", Leave).WithName("LeaveStudio").WithSummary("Leave a studio").ProducesProblems(404, 409);
        api.MapPost("/remove", Remove).WithName("RemoveMember").WithSummary("Remove a member from a studio").ProducesProblems(404, 409);
        api.MapPut("/role", ChangeRole).WithName("ChangeMemberRole").WithSummary("Change a member's role").ProducesProblems(404, 409);
        return app;
    }

    /// <summary>A member leaves (or withdraws a request, or leaves the waitlist); their place goes to the waitlist.</summary>
    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Leave(
        Guid studioId, Guid personId, [AsParameters] MembershipServices services)
    {
        if (personId != services.Me)
            return Problems.Forbidden("Only members themselves leave; facilitators remove members with .../remove.");
        return await EndAsync(studioId, personId, MemberStates.Left, EndReasons.Left, services, byFacilitator: false);
    }

    /// <summary>The studio's facilitators remove a member; co-facilitators only participants.</summary>
    public static Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Remove(
        Guid studioId, Guid personId, [AsParameters] MembershipServices services) =>
        EndAsync(studioId, personId, MemberStates.Removed, EndReasons.Removed, services, byFacilitator: true);

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> EndAsync(
        Guid studioId, Guid personId, string state, string reason, MembershipServices services, bool byFacilitator)
    {
        var ct = services.Aborted;
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = byFacilitator ? await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct) : null;
        if (byFacilitator && !StudioRoleRules.Manages(actorRole)) return MembershipProblems.NotFacilitator();
        var row = await services.Memberships.CurrentAsync(transaction, studioId, personId, ct);
        if (row is null) return Problems.NotFound("Membership");
        if (byFacilitator && !StudioRoleRules.MayActOn(actorRole, row.Role))
            return Problems.Forbidden("Only a facilitator may remove a facilitator or co-facilitator.");
        if (row.State == MemberStates.Active)
        {
            var counts = await services.Memberships.CountAsync(connection, studioId, ct);
            if (FacilitatorRule.WouldLeaveNoFacilitator(row.Role, null, (int)counts.ActiveFacilitators))
                return MembershipProblems.LastFacilitator();
        }

        var tally = new RosterTally();
        var decidedBy = byFacilitator ? services.Me : (Guid?)null;
        var endedRole = row.Role;
        row = await services.Roster.EndAsync(transaction, row, state, reason, decidedBy, tally, ct);
        if (byFacilitator)
            await services.Audit.RecordAsync(transaction, new AuditEntry(services.Me, AuditActions.MemberRemoved, studioId, personId,
                new { role = endedRole }), ct);
        await services.Roster.PromoteAsync(transaction, studio, tally, ct);
        var view = (await services.RosterViews.ViewAsync(connection, row.StudioId, row.Id, ct))!;
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.Ok(MemberResponse.From(view, showContact: true));
    }

    /// <summary>A facilitator gives an active member another role. A participant becoming (co-)facilitator frees a
    /// place for the waitlist; the reverse needs a free place.</summary>
    public static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> ChangeRole(
        Guid studioId, Guid personId, RoleChangeRequest request, [AsParameters] MembershipServices services)
    {
        if (!StudioRoleRules.IsKnown(request.Role))
            return Problems.Invalid("role", $"must be one of: {string.Join(", ", StudioRoleRules.All)}.");
        var (role, ct) = (request.Role!, services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct);
        if (actorRole != StudioRoles.Facilitator)
            return Problems.Forbidden("Only the studio's facilitators change roles.");
        var row = await services.Memberships.CurrentAsync(transaction, studioId, personId, ct);
        if (row is null) return Problems.NotFound("Membership");
        if (row.State != MemberStates.Active)
            return Problems.Conflict("Only active members have a role to change.", currentState: new { state = row.State });

        var tally = new RosterTally();
        if (row.Role != role)
        {
            var counts = await services.Memberships.CountAsync(connection, studioId, ct);
            if (FacilitatorRule.WouldLeaveNoFacilitator(row.Role, role, (int)counts.ActiveFacilitators))
                return MembershipProblems.LastFacilitator();
            if (StudioRoleRules.TakesPlace(role) && Places.Free(studio.Capacity ?? 0, (int)counts.ActiveParticipants) == 0)
                return Problems.Conflict("The studio has no free place for another participant.",
                    currentState: new { capacity = studio.Capacity, activeParticipants = counts.ActiveParticipants });
            var freesPlace = StudioRoleRules.TakesPlace(row.Role);
            await services.Audit.RecordAsync(transaction, new AuditEntry(services.Me, AuditActions.MemberRoleChanged, studioId, personId,
                new { from = row.Role, to = role }), ct);
            row = await services.Roster.ChangeRoleAsync(transaction, row, role, services.Me, ct);
            if (freesPlace) await services.Roster.PromoteAsync(transaction, studio, tally, ct);
        }
        var view = (await services.RosterViews.ViewAsync(connection, row.StudioId, row.Id, ct))!;
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.Ok(MemberResponse.From(view, showContact: true));
    }
}
