using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Membership.Apis.Models;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis;

public static class StudiosApi
{
    public const int MaxIntakeQuestion = 500;

    public static IEndpointRouteBuilder MapStudiosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studios").WithTags("Studios").RequireAuthorization();

        api.MapGet("/{studioId:guid}", GetStudio).WithName("GetStudio").WithSummary("Get a studio's join policy and size").ProducesProblems(404);
        api.MapGet("/{studioId:guid}/members", GetMembers).WithName("GetStudioMembers").WithSummary("List a studio's members").ProducesProblems(404);
        api.MapGet("/{studioId:guid}/waitlist", GetWaitlist).WithName("GetStudioWaitlist")
            .WithSummary("List a studio's waitlist").ProducesProblems(404);
        api.MapPut("/{studioId:guid}/policy", SetPolicy).WithName("SetStudioJoinPolicy")
            .WithSummary("Set how people join a studio").ProducesProblems(404, 409, 412);
        return app;
    }

    /// <summary>Anyone signed in sees a studio's policy and size.</summary>
    public static async Task<Results<Ok<StudioResponse>, ProblemHttpResult>> GetStudio(Guid studioId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var studio = await services.Studios.FindAsync(connection, studioId, services.Aborted);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var counts = await services.Memberships.CountAsync(connection, studioId, services.Aborted);
        ETags.Set(services.Context.Response, studio.Version);
        return TypedResults.Ok(StudioResponse.From(studio, counts));
    }

    /// <summary>The roster, in the order people came, filtered by state and role: for its active members, stewards and operators.</summary>
    public static async Task<Results<Ok<Page<MemberResponse>>, ValidationProblem, ProblemHttpResult>> GetMembers(
        Guid studioId, string? state, string? role, string? cursor, int? limit, [AsParameters] MembershipServices services)
    {
        var errors = new FieldErrors()
            .Check(state is null || MemberStates.IsKnown(state), "state", $"must be one of: {string.Join(", ", MemberStates.All)}.")
            .Check(role is null || StudioRoleRules.IsKnown(role), "role", $"must be one of: {string.Join(", ", StudioRoleRules.All)}.");
        var page = Paging.Read<long?>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.OpenConnectionAsync();
        var (viewerRole, denied) = await RosterViewerAsync(connection, studioId, services);
        if (denied is not null) return denied;
        var rows = await services.RosterViews.ListAsync(connection, studioId, services.Me, state, role, page.After, page.Limit, services.Aborted);
        var found = Cursor.ToPage(rows, page.Limit, row => row.Seq);
        var items = found.Items.Select(row => MemberResponse.From(row, services.ShowsContact(row.PersonId, viewerRole))).ToList();
        return TypedResults.Ok(new Page<MemberResponse>(items, found.NextCursor));
    }

    /// <summary>Who waits for a place, first come first: for the studio's active members, stewards and operators.</summary>
    public static async Task<Results<Ok<IReadOnlyList<MemberResponse>>, ProblemHttpResult>> GetWaitlist(
        Guid studioId, [AsParameters] MembershipServices services)
    {
        await using var connection = await services.OpenConnectionAsync();
        var (viewerRole, denied) = await RosterViewerAsync(connection, studioId, services);
        if (denied is not null) return denied;
        var rows = await services.RosterViews.WaitlistAsync(connection, studioId, services.Aborted);
        return TypedResults.Ok<IReadOnlyList<MemberResponse>>(
            rows.Select(row => MemberResponse.From(row, services.ShowsContact(row.PersonId, viewerRole))).ToList());
    }

    /// <summary>The studio's facilitators set how people join; If-Match guards against two of them editing at once.</summary>
    public static async Task<Results<Ok<StudioResponse>, ValidationProblem, ProblemHttpResult>> SetPolicy(
        Guid studioId, JoinPolicyRequest request, [AsParameters] MembershipServices services)
    {
        var errors = new FieldErrors()
            .Check(JoinPolicies.IsKnown(request.JoinPolicy), "joinPolicy", $"must be one of: {string.Join(", ", JoinPolicies.All)}.")
            .Text(request.IntakeQuestion, "intakeQuestion", MaxIntakeQuestion, required: false);
        if (errors.Any) return Problems.Invalid(errors);
        var ct = services.Aborted;

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var studio = await services.Studios.LockAsync(transaction, studioId, ct);
        if (studio is null) return MembershipProblems.StudioNotFound();
        var actorRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, ct);
        if (!StudioRoleRules.Manages(actorRole)) return MembershipProblems.NotFacilitator();
        if (studio.Status == StudioStatus.Retired) return MembershipProblems.StudioNotOpen(studio.Status);
        if (!ETags.Matches(services.Context.Request, studio.Version)) return Problems.StaleVersion(ETags.For(studio.Version));

        var question = string.IsNullOrWhiteSpace(request.IntakeQuestion) ? null : request.IntakeQuestion.Trim();
        var updated = await services.Studios.SetPolicyAsync(transaction, studioId, request.JoinPolicy!, question, ct);
        var counts = await services.Memberships.CountAsync(connection, studioId, ct);
        await transaction.CommitAsync(ct);

        ETags.Set(services.Context.Response, updated.Version);
        return TypedResults.Ok(StudioResponse.From(updated, counts));
    }

    /// <summary>Active members, stewards and operators see a roster; others only the studio's size.</summary>
    private static async Task<(string? ViewerRole, ProblemHttpResult? Denied)> RosterViewerAsync(
        NpgsqlConnection connection, Guid studioId, MembershipServices services)
    {
        if (await services.Studios.FindAsync(connection, studioId, services.Aborted) is null) return (null, MembershipProblems.StudioNotFound());
        var viewerRole = await services.Memberships.ActiveRoleAsync(connection, studioId, services.Me, services.Aborted);
        if (viewerRole is null && !services.IsStewardOrOperator)
            return (null, Problems.Forbidden($"Only the studio's members see its roster; GET /api/studios/{studioId} shows its size."));
        return (viewerRole, null);
    }
}
