using Studios.ServiceDefaults.Input;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Studios.PracticeContent.Contracts;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

public static class PracticesApi
{
    public static IEndpointRouteBuilder MapPracticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/practices").WithTags("Practices").RequireAuthorization();

        api.MapGet("/", SearchPractices).WithName("SearchPractices").WithSummary("Search practices");
        api.MapPost("/", CreatePractice).WithName("CreatePractice")
            .WithSummary("Create a practice draft").RequireAuthorization(StudiosPolicies.FacilitatorOrSteward);
        api.MapGet("/{id:guid}", GetPractice).WithName("GetPractice").WithSummary("Get a practice").ProducesProblems(404);
        api.MapPut("/{id:guid}", UpdatePractice).WithName("UpdatePractice").WithSummary("Edit a practice's draft").ProducesProblems(404, 409, 412);
        api.MapPost("/{id:guid}/publish", PublishPractice).WithName("PublishPractice")
            .WithSummary("Publish a practice's draft as its next version").ProducesProblems(404, 409, 412);
        api.MapPost("/{id:guid}/retire", RetirePractice).WithName("RetirePractice").WithSummary("Retire a practice").ProducesProblems(404, 409);
        api.MapGet("/{id:guid}/versions/{version:int}", GetPracticeVersion).WithName("GetPracticeVersion")
            .WithSummary("Get a published version of a practice").ProducesProblems(404);
        api.MapPost("/{id:guid}/versions/{version:int}/adaptations", AdaptPractice).WithName("AdaptPractice")
            .WithSummary("Adapt a practice version for a studio").ProducesProblems(404, 409);
        return app;
    }

    public static async Task<Results<Ok<Page<PracticeSummary>>, ValidationProblem>> SearchPractices(
        string? q, [FromQuery] string[]? tags, [FromQuery] string[]? skills, int? maxMinutes, int? groupSize, string? mode,
        string? sort, string? cursor, int? limit, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = PracticeQuery.From(q, tags, skills, maxMinutes, groupSize, mode, sort, cursor, limit, errors);
        if (query is null) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var page = await services.Search.SearchAsync(connection, query, ct);
        return TypedResults.Ok(new Page<PracticeSummary>(page.Items.Select(PracticeSummary.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Created<PracticeResponse>, ValidationProblem>> CreatePractice(
        PracticeRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var content = PracticeDetails.From(request.ToInput(), errors);
        if (content is null) return Problems.Invalid(errors);

        var id = Guid.CreateVersion7();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await services.Practices.CreateAsync(tx, id, user.PersonId(), user.Identity?.Name, null, null, null, content, ct);
            await tx.CommitAsync(ct);
        }

        var practice = (await services.Practices.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, practice.Version);
        return TypedResults.Created($"/api/practices/{id}", await PracticeViews.DescribeAsync(connection, practice, true, services, ct));
    }

    public static async Task<Results<Ok<PracticeResponse>, ProblemHttpResult>> GetPractice(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var practice = await services.Practices.FindAsync(connection, id, ct);
        if (practice is null) return Problems.NotFound("The practice");
        var mayEdit = await PracticeViews.MayEditAsync(connection, practice, user.PersonId(), services, ct);
        if (practice.Status == PracticeStatus.Draft && !mayEdit) return Problems.NotFound("The practice");

        ETags.Set(http.Response, practice.Version);
        return TypedResults.Ok(await PracticeViews.DescribeAsync(connection, practice, mayEdit, services, ct));
    }

    public static async Task<Results<Ok<PracticeResponse>, ValidationProblem, ProblemHttpResult>> UpdatePractice(
        Guid id, PracticeRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var practice = await services.Practices.FindAsync(connection, id, ct, tx);
            if (practice is null) return Problems.NotFound("The practice");
            var mayEdit = await PracticeViews.MayEditAsync(connection, practice, user.PersonId(), services, ct, tx);
            if (!mayEdit)
            {
                return practice.Status == PracticeStatus.Draft
                    ? Problems.NotFound("The practice")
                    : Problems.Forbidden("Only the practice's author (or, for a studio's adaptation, its facilitators) may edit it.");
            }
            if (practice.Status == PracticeStatus.Retired)
                return Problems.Conflict("A retired practice cannot be edited.", currentState: new { status = practice.Status });
            if (!ETags.Matches(http.Request, practice.Version)) return Problems.StaleVersion(ETags.For(practice.Version));

            var errors = new FieldErrors();
            var content = PracticeDetails.From(request.ToInput(), errors);
            if (content is null) return Problems.Invalid(errors);

            await services.Practices.UpdateDraftAsync(tx, id, content, ct);
            await tx.CommitAsync(ct);
        }

        var updated = (await services.Practices.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, updated.Version);
        return TypedResults.Ok(await PracticeViews.DescribeAsync(connection, updated, true, services, ct));
    }

    public static async Task<Results<Created<PracticeVersionResponse>, ProblemHttpResult>> PublishPractice(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        int version;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var practice = await services.Practices.FindAsync(connection, id, ct, tx);
            if (practice is null) return Problems.NotFound("The practice");
            var caller = user.PersonId();
            if (!await PracticeViews.MayEditAsync(connection, practice, caller, services, ct, tx))
            {
                return practice.Status == PracticeStatus.Draft
                    ? Problems.NotFound("The practice")
                    : Problems.Forbidden("Only the practice's author (or, for a studio's adaptation, its facilitators) may publish it.");
            }
            if (!ETags.Matches(http.Request, practice.Version)) return Problems.StaleVersion(ETags.For(practice.Version));

            var latest = practice.LatestVersion is { } n
                ? (await services.Practices.FindVersionAsync(connection, id, n, ct, tx))!.ToContent()
                : null;
            var draft = practice.ToContent();
            if (PracticeRules.WhyNotPublish(practice.Status, draft, latest) is { } why)
                return Problems.Conflict(why, currentState: new { status = practice.Status, latestVersion = practice.LatestVersion });

            (version, var publishedAt) = await services.Practices.PublishAsync(tx, practice, caller, ct);
            // An erased author's practice (published later by its studio's facilitators) names no one.
            await services.Outbox.EnqueueAsync(tx, new PracticePublished(id, version, draft.Title, draft.Tags, draft.Skills,
                practice.AuthorId ?? Guid.Empty, practice.StudioId, practice.AdaptedFromPracticeId, practice.AdaptedFromVersion,
                DapperTimestamps.Utc(publishedAt)), ct);
            await tx.CommitAsync(ct);
            services.Metrics.PracticePublished(practice.AdaptedFromPracticeId is not null);
        }

        var published = (await services.Practices.FindAsync(connection, id, ct))!;
        var row = (await services.Practices.FindVersionAsync(connection, id, version, ct))!;
        ETags.Set(http.Response, published.Version);
        return TypedResults.Created($"/api/practices/{id}/versions/{version}",
            await PracticeViews.DescribeVersionAsync(connection, published, row, services, ct));
    }

    public static async Task<Results<Ok<PracticeResponse>, ProblemHttpResult>> RetirePractice(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        bool mayEdit;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var practice = await services.Practices.FindAsync(connection, id, ct, tx);
            if (practice is null) return Problems.NotFound("The practice");
            mayEdit = await PracticeViews.MayEditAsync(connection, practice, user.PersonId(), services, ct, tx);
            if (practice.Status == PracticeStatus.Draft && !mayEdit) return Problems.NotFound("The practice");
            if (!PracticeRules.MayRetire(mayEdit, user.IsInRole(StudiosRoles.Steward)))
                return Problems.Forbidden("Only the practice's author, its studio's facilitators or a steward may retire it.");
            if (PracticeRules.WhyNotRetire(practice.Status) is { } why)
                return Problems.Conflict(why, currentState: new { status = practice.Status });

            await services.Practices.RetireAsync(tx, id, ct);
            await services.Outbox.EnqueueAsync(tx, new PracticeRetired(id, services.Time.GetUtcNow()), ct);
            await tx.CommitAsync(ct);
        }

        var retired = (await services.Practices.FindAsync(connection, id, ct))!;
        ETags.Set(http.Response, retired.Version);
        return TypedResults.Ok(await PracticeViews.DescribeAsync(connection, retired, mayEdit, services, ct));
    }

    public static async Task<Results<Ok<PracticeVersionResponse>, ProblemHttpResult>> GetPracticeVersion(
        Guid id, int version, [AsParameters] PracticeServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var row = await services.Practices.FindVersionAsync(connection, id, version, ct);
        if (row is null) return Problems.NotFound($"Version {version} of the practice");
        var practice = (await services.Practices.FindAsync(connection, id, ct))!;
        return TypedResults.Ok(await PracticeViews.DescribeVersionAsync(connection, practice, row, services, ct));
    }

    public static async Task<Results<Created<PracticeResponse>, ValidationProblem, ProblemHttpResult>> AdaptPractice(
        Guid id, int version, AdaptationRequest request, ClaimsPrincipal user, HttpContext http,
        [AsParameters] PracticeServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.StudioId is null) errors.Add("studioId", "is required: an adaptation belongs to a studio.");
        var title = request.Title is null ? null
            : TextRules.Check(errors, request.Title, "title", PracticeDetails.MaxTitleLength, required: true, multiline: false);
        if (errors.Any) return Problems.Invalid(errors);
        var studioId = request.StudioId!.Value;
        var caller = user.PersonId();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var origin = await services.Practices.FindVersionAsync(connection, id, version, ct);
        if (origin is null) return Problems.NotFound($"Version {version} of the practice");
        var studio = await services.Studios.FindAsync(connection, studioId, ct);
        if (studio is null) return Problems.Invalid("studioId", "is not a studio known to Practice-Content.");
        if (studio.Retired) return Problems.Conflict("The studio is retired.", currentState: new { studioId, retired = true });
        if (!await services.Studios.FacilitatesAsync(connection, studioId, caller, ct))
            return Problems.Forbidden("Only the studio's facilitators may adapt a practice for it.");

        var content = origin.ToContent() with { Title = title ?? origin.Title };
        var adaptationId = Guid.CreateVersion7();
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await services.Practices.CreateAsync(tx, adaptationId, caller, user.Identity?.Name, studioId, id, version, content, ct);
            await tx.CommitAsync(ct);
        }

        var adaptation = (await services.Practices.FindAsync(connection, adaptationId, ct))!;
        ETags.Set(http.Response, adaptation.Version);
        return TypedResults.Created($"/api/practices/{adaptationId}",
            await PracticeViews.DescribeAsync(connection, adaptation, true, services, ct));
    }
}
