using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var studio = app.MapGroup("/api/studios/{studioId:guid}/invitations").WithTags("Invitations").RequireAuthorization();
        studio.MapPost("/", Invite).WithName("InviteToStudio").WithSummary("Invite someone to a studio").ProducesProblems(404, 409);
        studio.MapGet("/", GetInvitations).WithName("GetStudioInvitations").WithSummary("List a studio's invitations").ProducesProblems(404);
        studio.MapGet("/{invitationId:guid}", GetInvitation).WithName("GetInvitation").WithSummary("Get an invitation").ProducesProblems(404);
        studio.MapDelete("/{invitationId:guid}", Revoke).WithName("RevokeInvitation").WithSummary("Revoke an invitation").ProducesProblems(404, 409);

        var token = app.MapGroup("/api/invitations").WithTags("Invitations").RequireAuthorization();
        token.MapPost("/{token}/accept", Accept).WithName("AcceptInvitation").WithSummary("Accept an invitation").ProducesProblems(404, 409, 410);
        return app;
    }

    /// <summary>A facilitator invites someone by email. The response carries the token, once: deliver it to the invitee.</summary>
    public static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Invite(
        Guid studioId, InvitationRequest request, [AsParameters] MembershipServices services)
    {
        var role = request.Role ?? StudioRoles.Participant;
        var errors = new FieldErrors()
            .Check(EmailAddresses.IsValid(request.Email), "email", "is not a valid email address.")
            .Check(role is StudioRoles.Participant or StudioRoles.CoFacilitator, "role",
                $"must be {StudioRoles.Participant} or {StudioRoles.CoFacilitator}.");
        if (errors.Any) return Problems.Invalid(errors);
        var (email, now, ct) = (EmailAddresses.Normalize(request.Email!), services.Time.GetUtcNow(), services.Aborted);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct);
        if (!StudioRoleRules.Manages(actorRole)) return MembershipProblems.NotFacilitator();
        if (!StudioRoleRules.MayActOn(actorRole, role)) return Problems.Forbidden("Only a facilitator invites co-facilitators.");
        if (studio.Status is StudioStatus.Retired or StudioStatus.Pending) return MembershipProblems.StudioNotOpen(studio.Status);

        var invitee = await services.People.FindIdByEmailAsync(transaction, email, ct);
        var current = invitee is { } id ? await services.Memberships.CurrentAsync(transaction, studioId, id, ct) : null;
        if (current?.State is MemberStates.Active or MemberStates.Waitlisted)
            return Problems.Conflict("This person already belongs to the studio.", currentState: new { state = current.State });

        var (token, hash) = LinkTokens.New();
        var invitation = new InvitationRow(Guid.CreateVersion7(now), studioId, email, role, services.Me, now,
            now + services.Options.Value.InvitationLifetime, null, null, null);
        await services.Invitations.InsertAsync(transaction, invitation, hash, ct);
        // A registered invitee (a verified address) holds an invited line until they accept, or the invitation ends; the
        // roster shows it to them only, so the inviter does not learn who has the address.
        if (invitee is { } personId && current?.State is null or MemberStates.Invited)
        {
            var row = (current ?? MembershipRow.New(studioId, personId, role, MemberStates.Invited, now))
                with { Role = role, InvitationId = invitation.Id, UpdatedAt = now };
            await services.Memberships.SaveAsync(transaction, row, ct);
        }
        // Notifications mails the accept link: the token leaves here only in this event (the response carries it too).
        await services.Outbox.EnqueueAsync(transaction, new InvitationIssued(invitation.Id, studioId, email, invitee, role,
            services.Me, token, invitation.ExpiresAt, now), ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Created($"/api/studios/{studioId}/invitations/{invitation.Id}",
            InvitationResponse.From(invitation, now, showEmail: true, token));
    }

    /// <summary>The studio's invitations, newest first: for its facilitators, stewards and operators.</summary>
    public static async Task<Results<Ok<IReadOnlyList<InvitationResponse>>, ProblemHttpResult>> GetInvitations(
        Guid studioId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var (showEmail, denied) = await InvitationViewerAsync(connection, studioId, services);
        if (denied is not null) return denied;
        var now = services.Time.GetUtcNow();
        var invitations = await services.Invitations.ListAsync(connection, studioId, services.Aborted);
        return TypedResults.Ok<IReadOnlyList<InvitationResponse>>(
            invitations.Select(invitation => InvitationResponse.From(invitation, now, showEmail)).ToList());
    }

    public static async Task<Results<Ok<InvitationResponse>, ProblemHttpResult>> GetInvitation(
        Guid studioId, Guid invitationId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var (showEmail, denied) = await InvitationViewerAsync(connection, studioId, services);
        if (denied is not null) return denied;
        var invitation = await services.Invitations.FindAsync(connection, studioId, invitationId, services.Aborted);
        if (invitation is null) return Problems.NotFound("Invitation");
        return TypedResults.Ok(InvitationResponse.From(invitation, services.Time.GetUtcNow(), showEmail));
    }

    /// <summary>A facilitator revokes an invitation that was not accepted; revoking twice is fine.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid studioId, Guid invitationId, [AsParameters] MembershipServices services)
    {
        var (now, ct) = (services.Time.GetUtcNow(), services.Aborted);
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct);
        if (!StudioRoleRules.Manages(actorRole)) return MembershipProblems.NotFacilitator();
        var invitation = await services.Invitations.LockAsync(transaction, studioId, invitationId, ct);
        if (invitation is null) return Problems.NotFound("Invitation");
        var status = invitation.StatusAt(now);
        if (status == InvitationStatus.Accepted)
            return Problems.Conflict("This invitation was already accepted.", currentState: new { status });
        if (status == InvitationStatus.Revoked) return TypedResults.NoContent();

        await services.Invitations.RevokeAsync(transaction, invitationId, services.Me, now, ct);
        await services.Memberships.CancelInvitedAsync(transaction, invitationId, EndReasons.InvitationRevoked, now, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The invitee accepts: a registered person whose verified email the invitation was sent to. The token works
    /// once; an expired, used or revoked one is 410 Gone.</summary>
    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Accept(string token, [AsParameters] MembershipServices services)
    {
        if (token.Length > LinkTokens.MaxLength) return Problems.NotFound("Invitation");
        var (me, now, ct) = (services.Me, services.Time.GetUtcNow(), services.Aborted);
        var hash = LinkTokens.Hash(token);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var found = await services.Invitations.FindByTokenAsync(transaction, hash, ct);
        if (found is null) return Problems.NotFound("Invitation");
        if (Unusable(found, now) is { } gone) return gone;

        // Person, then studio, then invitation: the lock order every roster change follows.
        var person = await services.People.LockAsync(transaction, me, exclusive: false, ct);
        if (person is null || person.IsErased) return MembershipProblems.NotRegistered();
        var studio = await services.Studios.LockAsync(transaction, found.StudioId, ct);
        var invitation = await services.Invitations.LockAsync(transaction, found.StudioId, found.Id, ct);
        if (studio is null || invitation is null) return Problems.NotFound("Invitation");
        if (Unusable(invitation, now) is { } goneNow) return goneNow;
        if (invitation.Email != person.Email)
        {
            // Only a verified address counts: whoever merely gave the invited address cannot take the invitation.
            var claim = await services.Verifications.FindClaimAsync(connection, me, ct);
            return claim is not null && claim.Email == invitation.Email
                ? MembershipProblems.EmailNotVerified()
                : Problems.Forbidden("This invitation was sent to another email address.");
        }

        var current = await services.Memberships.CurrentAsync(transaction, studio.Id, me, ct);
        var counts = await services.Memberships.CountAsync(connection, studio.Id, ct);
        var decision = JoinRules.Accept(studio.Status, invitation.Role, current?.State, studio.Capacity ?? 0, (int)counts.ActiveParticipants);
        if (decision.Refusal == JoinRefusal.StudioNotOpen) return MembershipProblems.StudioNotOpen(studio.Status);
        if (decision.Refusal == JoinRefusal.AlreadyMember)
            return Problems.Conflict("You already belong to this studio.", currentState: new { state = current!.State });

        await services.Invitations.MarkAcceptedAsync(transaction, invitation.Id, me, now, ct);
        var row = (current ?? MembershipRow.New(studio.Id, me, invitation.Role, decision.State!, now))
            with { Role = invitation.Role, InvitationId = invitation.Id };
        var tally = new RosterTally();
        row = await services.Roster.AdmitAsync(transaction, row, decision.State!, decision.JoinedVia!, tally, ct);
        var view = (await services.RosterViews.ViewAsync(connection, row.StudioId, row.Id, ct))!;
        await transaction.CommitAsync(ct);

        services.Metrics.Record(tally);
        return TypedResults.Ok(MemberResponse.From(view, showContact: true));
    }

    private static ProblemHttpResult? Unusable(InvitationRow invitation, DateTimeOffset now) => invitation.StatusAt(now) switch
    {
        InvitationStatus.Accepted => Problems.Gone("This invitation was already used."),
        InvitationStatus.Revoked => Problems.Gone("This invitation was revoked."),
        InvitationStatus.Expired => Problems.Gone("This invitation has expired.", "Ask the studio's facilitators for a new one."),
        _ => null,
    };

    /// <summary>Invitations are for the studio's facilitators, stewards and operators; emails for facilitators and operators only.</summary>
    private static async Task<(bool ShowEmail, ProblemHttpResult? Denied)> InvitationViewerAsync(
        NpgsqlConnection connection, Guid studioId, MembershipServices services)
    {
        if (await services.Studios.FindAsync(connection, studioId, services.Aborted) is null) return (false, MembershipProblems.StudioNotFound());
        var viewerRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, services.Aborted);
        var manages = StudioRoleRules.Manages(viewerRole);
        if (!manages && !services.IsStewardOrOperator)
            return (false, Problems.Forbidden("Only the studio's facilitators, stewards and operators see its invitations."));
        return (manages || services.IsOperator, null);
    }
}
