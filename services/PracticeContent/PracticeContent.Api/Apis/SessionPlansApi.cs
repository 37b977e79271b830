using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.PracticeContent.Contracts;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

public static class SessionPlansApi
{
    public static IEndpointRouteBuilder MapSessionPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Session plans").RequireAuthorization();

        api.MapPost("/session-plans", CreateSessionPlan).WithName("CreateSessionPlan")
            .WithSummary("Create a session plan or template").ProducesProblems(409);
        api.MapGet("/session-plans/templates", ListTemplates).WithName("ListSessionPlanTemplates").WithSummary("List session-plan templates");
        api.MapGet("/session-plans/{id:guid}", GetSessionPlan).WithName("GetSessionPlan").WithSummary("Get a session plan").ProducesProblems(404);
        api.MapPut("/session-plans/{id:guid}", UpdateSessionPlan).WithName("UpdateSessionPlan")
            .WithSummary("Edit a session plan").ProducesProblems(404, 409, 412);
        api.MapPost("/session-plans/{id:guid}/publish", PublishSessionPlan).WithName("PublishSessionPlan")
            .WithSummary("Publish a session plan").ProducesProblems(404, 409, 412);
        api.MapGet("/studios/{studioId:guid}/session-plans", ListStudioPlans).WithName("ListStudioSessionPlans")
            .WithSummary("List a studio's session plans");
        return app;
    }

    public static async Task<Results<Created<SessionPlanResponse>, ValidationProblem, ProblemHttpResult>> CreateSessionPlan(
        CreateSessionPlanRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] SessionPlanServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Kind is null) errors.Add("kind", "is required: 'template' or 'studio'.");
        if (request.Kind == PlanKind.Studio && request.StudioId is null) errors.Add("studioId", "is required for a studio plan.");
        if (request.Kind == PlanKind.Template && request.StudioId is not null) errors.Add("studioId", "must be empty for a template.");
        if (errors.Any) return Problems.Invalid(errors);
        var caller = user.PersonId();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (request.Kind == PlanKind.Template)
        {
            if (!user.IsInRole(StudiosRoles.Facilitator) && !user.IsInRole(StudiosRoles.Steward))
                return Problems.Forbidden("Only facilitators and stewards author session-plan templates.");
        }
        else
        {
            var studio = await services.Studios.FindAsync(connection, request.StudioId!.Value, ct);
            if (studio is null) return Problems.Invalid("studioId", "is not a studio known to Practice-Content.");
            if (studio.Retired)
                return Problems.Conflict("The studio is retired: it takes no new session plans.", currentState: new { studio.StudioId, retired = true });
            if (!await services.Studios.FacilitatesAsync(connection, studio.StudioId, caller, ct))
                return Problems.Forbidden("Only the studio's facilitators author its session plans.");
        }

        SessionPlanContent? template = null;
        if (request.TemplateId is { } templateId)
        {
            var row = await services.Plans.FindAsync(connection, templateId, ct);
            if (row is null || row.PlanKind != PlanKind.Template || !(row.PublishedAt is not null || row.AuthorId == caller))
                return Problems.Invalid("templateId", "is not a published session-plan template.");
            template = row.Published is { } published && row.AuthorId != caller ? published : row.ToContent();
        }

        var steps = request.Steps ?? template?.Steps.Select(step => (PlanStepInput?)new PlanStepInput(
            step.PracticeId, step.Version, step.Title, step.Notes, step.Minutes)).ToList();
        var content = SessionPlanContent.From(request.Title ?? template?.Title, request.SessionMinutes ?? template?.SessionMinutes, steps, errors);
        if (content is not null) await SessionPlanViews.CheckPinsAsync(connection, content, errors, services, ct);
        if (content is null || errors.Any) return Problems.Invalid(errors);

        var id = Guid.CreateVersion7();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await services.Plans.CreateAsync(tx, id, request.Kind!.Value, request.StudioId, caller, request.TemplateId, content, ct);
            await tx.CommitAsync(ct);
        }

        var plan = (await services.Plans.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, plan.Version);
        return TypedResults.Created($"/api/session-plans/{id}", await SessionPlanViews.DescribeAsync(connection, plan, services, ct));
    }

    public static async Task<Results<Ok<SessionPlanResponse>, ProblemHttpResult>> GetSessionPlan(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] SessionPlanServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var plan = await services.Plans.FindAsync(connection, id, ct);
        if (plan is null || !await SessionPlanViews.MayReadAsync(connection, plan, user, services, ct)) return Problems.NotFound("The session plan");
        ETags.Set(http.Response, plan.Version);
        return TypedResults.Ok(await SessionPlanViews.DescribeAsync(connection, plan, services, ct));
    }

    public static async Task<Results<Ok<SessionPlanResponse>, ValidationProblem, ProblemHttpResult>> UpdateSessionPlan(
        Guid id, UpdateSessionPlanRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] SessionPlanServices services,
        CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var plan = await services.Plans.FindAsync(connection, id, ct, tx);
            if (plan is null || !await SessionPlanViews.MayReadAsync(connection, plan, user, services, ct))
                return Problems.NotFound("The session plan");
            if (!await SessionPlanViews.MayEditAsync(connection, plan, user, services, ct, tx))
                return Problems.Forbidden("Only the studio's facilitators (or, for a template, its author) may edit this plan.");
            if (await RetiredStudioAsync(connection, plan, services, ct, tx) is { } retired) return retired;
            if (!ETags.Matches(http.Request, plan.Version)) return Problems.StaleVersion(ETags.For(plan.Version));

            var errors = new FieldErrors();
            var content = SessionPlanContent.From(request.Title, request.SessionMinutes, request.Steps, errors);
            if (content is not null) await SessionPlanViews.CheckPinsAsync(connection, content, errors, services, ct);
            if (content is null || errors.Any) return Problems.Invalid(errors);

            await services.Plans.UpdateAsync(tx, id, content, ct);
            await tx.CommitAsync(ct);
        }

        var updated = (await services.Plans.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, updated.Version);
        return TypedResults.Ok(await SessionPlanViews.DescribeAsync(connection, updated, services, ct));
    }

    public static async Task<Results<Ok<SessionPlanResponse>, ProblemHttpResult>> PublishSessionPlan(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] SessionPlanServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        bool studioPlan;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var plan = await services.Plans.FindAsync(connection, id, ct, tx);
            if (plan is null || !await SessionPlanViews.MayReadAsync(connection, plan, user, services, ct))
                return Problems.NotFound("The session plan");
            if (!await SessionPlanViews.MayEditAsync(connection, plan, user, services, ct, tx))
                return Problems.Forbidden("Only the studio's facilitators (or, for a template, its author) may publish this plan.");
            if (await RetiredStudioAsync(connection, plan, services, ct, tx) is { } retired) return retired;
            if (!ETags.Matches(http.Request, plan.Version)) return Problems.StaleVersion(ETags.For(plan.Version));

            var content = plan.ToContent();
            if (plan.Published is { } published && published.SameAs(content))
                return Problems.Conflict("The plan has no changes since it was last published.",
                    currentState: new { status = "published", publishedAt = plan.PublishedAt });

            var publishedAt = await services.Plans.MarkPublishedAsync(tx, id, content, ct);
            studioPlan = plan.PlanKind == PlanKind.Studio;
            if (studioPlan)
            {
                // Templates are network-wide and have no studio: only studio plans are announced.
                var practices = content.Steps.Where(step => step.IsPractice)
                    .Select(step => new PlannedPractice(step.PracticeId!.Value, step.Version!.Value, step.Minutes)).ToList();
                await services.Outbox.EnqueueAsync(tx, new SessionPlanPublished(id, plan.StudioId!.Value, content.Title, practices,
                    content.TotalMinutes, DapperTimestamps.Utc(publishedAt)), ct);
            }
            await tx.CommitAsync(ct);
        }
        if (studioPlan) services.Metrics.PlanPublished();

        var updated = (await services.Plans.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, updated.Version);
        return TypedResults.Ok(await SessionPlanViews.DescribeAsync(connection, updated, services, ct));
    }

    public static async Task<Results<Ok<Page<SessionPlanResponse>>, ValidationProblem, ProblemHttpResult>> ListStudioPlans(
        Guid studioId, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] SessionPlanServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (cursorAt, size) = Paging.Read<TimeCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var after = cursorAt?.Position;

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var role = await services.Studios.RoleAsync(connection, studioId, user.PersonId(), ct);
        if (role is null && !user.IsStewardOrOperator())
            return Problems.Forbidden("Only the studio's members, stewards and operators see its session plans.");
        var publishedOnly = !(user.IsStewardOrOperator() || (role is not null && RosterRules.Facilitates(role)));

        var rows = await services.Plans.ListForStudioAsync(connection, studioId, publishedOnly, after, size, ct);
        return TypedResults.Ok(await PageAsync(connection, rows, size, services, ct));
    }

    public static async Task<Results<Ok<Page<SessionPlanResponse>>, ValidationProblem>> ListTemplates(
        string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] SessionPlanServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (cursorAt, size) = Paging.Read<TimeCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var after = cursorAt?.Position;

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await services.Plans.ListTemplatesAsync(connection, user.PersonId(), after, size, ct);
        return TypedResults.Ok(await PageAsync(connection, rows, size, services, ct));
    }

    private static async Task<Page<SessionPlanResponse>> PageAsync(NpgsqlConnection connection, IReadOnlyList<SessionPlanRow> rows, int size,
        SessionPlanServices services, CancellationToken ct)
    {
        var page = Cursor.ToPage(rows, size, row => new TimeCursor(row.CreatedAt, row.PlanId));
        var items = new List<SessionPlanResponse>();
        foreach (var row in page.Items) items.Add(await SessionPlanViews.DescribeAsync(connection, row, services, ct));
        return new Page<SessionPlanResponse>(items, page.NextCursor);
    }

    private static async Task<ProblemHttpResult?> RetiredStudioAsync(NpgsqlConnection connection, SessionPlanRow plan,
        SessionPlanServices services, CancellationToken ct, NpgsqlTransaction transaction)
    {
        if (plan.StudioId is not { } studioId) return null;
        var studio = await services.Studios.FindAsync(connection, studioId, ct, transaction);
        return studio is { Retired: true }
            ? Problems.Conflict("The studio is retired: its session plans can no longer change.", currentState: new { studioId, retired = true })
            : null;
    }
}
