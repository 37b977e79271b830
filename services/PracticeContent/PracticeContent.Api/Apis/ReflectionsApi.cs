using Studios.ServiceDefaults.Input;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.PracticeContent.Contracts;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

public static class ReflectionsApi
{
    public static IEndpointRouteBuilder MapReflectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Reflections").RequireAuthorization();

        api.MapPost("/reflections", CreateReflection).WithName("CreateReflection").WithSummary("Write a reflection");
        api.MapGet("/reflections/{id:guid}", GetReflection).WithName("GetReflection").WithSummary("Get a reflection").ProducesProblems(404);
        api.MapPost("/reflections/{id:guid}/share", ShareReflection).WithName("ShareReflection")
            .WithSummary("Share a reflection with its studio").ProducesProblems(404);
        api.MapDelete("/reflections/{id:guid}", DeleteReflection).WithName("DeleteReflection")
            .WithSummary("Delete a reflection").ProducesProblems(404);
        api.MapGet("/people/me/reflections", ListMyReflections).WithName("ListMyReflections").WithSummary("List the caller's reflections");
        api.MapGet("/studios/{studioId:guid}/reflections", ListStudioReflections).WithName("ListStudioReflections")
            .WithSummary("List a studio's shared reflections");
        return app;
    }

    public static async Task<Results<Created<ReflectionResponse>, ValidationProblem>> CreateReflection(
        CreateReflectionRequest request, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = TextRules.Check(errors, request.Text, "text", ReflectionRules.MaxTextLength, required: true, multiline: true);
        var visibility = ReflectionVisibility.Private;
        if (request.Visibility is not null && !ReflectionRules.TryParse(request.Visibility, out visibility))
            errors.Add("visibility", "must be 'private', 'studio' or 'network'.");
        if (visibility == ReflectionVisibility.Studio && request.StudioId is null)
            errors.Add("studioId", "is required to share with a studio.");
        if (request.PracticeVersion is not null && request.PracticeId is null)
            errors.Add("practiceId", "is required with practiceVersion.");
        var caller = user.PersonId();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await CheckReferencesAsync(connection, caller, request.StudioId, request.PracticeId, request.PracticeVersion, errors, services, ct);
        if (errors.Any) return Problems.Invalid(errors);

        var row = new ReflectionRow
        {
            ReflectionId = Guid.CreateVersion7(),
            AuthorId = caller,
            StudioId = request.StudioId,
            SessionId = request.SessionId,
            PracticeId = request.PracticeId,
            PracticeVersion = request.PracticeVersion,
            Text = text,
            Visibility = ReflectionRules.Wire(visibility),
        };
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await services.Reflections.CreateAsync(tx, row, ct);
            if (ReflectionRules.IsShared(visibility)) await EnqueueSharedAsync(tx, row, services, ct);
            await tx.CommitAsync(ct);
        }
        if (ReflectionRules.IsShared(visibility)) services.Metrics.ReflectionShared(row.Visibility);

        var stored = (await services.Reflections.FindAsync(connection, row.ReflectionId, ct))!;
        return TypedResults.Created($"/api/reflections/{row.ReflectionId}", ReflectionResponse.From(stored, caller));
    }

    public static async Task<Results<Ok<ReflectionResponse>, ProblemHttpResult>> GetReflection(
        Guid id, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        var caller = user.PersonId();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var row = await services.Reflections.FindAsync(connection, id, ct);
        if (row is null || !await MayReadAsync(connection, row, caller, services, ct)) return Problems.NotFound("The reflection");
        return TypedResults.Ok(ReflectionResponse.From(row, caller));
    }

    public static async Task<Results<Ok<ReflectionResponse>, ValidationProblem, ProblemHttpResult>> ShareReflection(
        Guid id, ShareReflectionRequest request, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        var caller = user.PersonId();
        var errors = new FieldErrors();
        if (!ReflectionRules.TryParse(request.Visibility, out var visibility))
            errors.Add("visibility", "is required: 'private', 'studio' or 'network'.");

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        bool shared;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var row = await services.Reflections.FindAsync(connection, id, ct, tx);
            // Only the author may change it; to anyone else a reflection they cannot change might as well not exist.
            if (row is null || row.AuthorId != caller) return Problems.NotFound("The reflection");
            var studioId = request.StudioId ?? row.StudioId;
            if (visibility == ReflectionVisibility.Studio && studioId is null) errors.Add("studioId", "is required to share with a studio.");
            if (request.StudioId is not null)
                await CheckReferencesAsync(connection, caller, request.StudioId, null, null, errors, services, ct);
            if (errors.Any) return Problems.Invalid(errors);

            shared = ReflectionRules.IsShared(visibility) && (visibility != row.VisibilityValue || studioId != row.StudioId);
            await services.Reflections.ShareAsync(tx, id, visibility, studioId, ct);
            if (shared)
            {
                var updated = (await services.Reflections.FindAsync(connection, id, ct, tx))!;
                await EnqueueSharedAsync(tx, updated, services, ct);
            }
            await tx.CommitAsync(ct);
        }
        if (shared) services.Metrics.ReflectionShared(ReflectionRules.Wire(visibility));

        var stored = (await services.Reflections.FindAsync(connection, id, ct))!;
        return TypedResults.Ok(ReflectionResponse.From(stored, caller));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteReflection(
        Guid id, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        return await services.Reflections.DeleteAsync(connection, id, user.PersonId(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("The reflection");
    }

    public static async Task<Results<Ok<Page<ReflectionResponse>>, ValidationProblem>> ListMyReflections(
        string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (cursorAt, size) = Paging.Read<TimeCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var after = cursorAt?.Position;
        var caller = user.PersonId();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await services.Reflections.ListByAuthorAsync(connection, caller, after, size, ct);
        return TypedResults.Ok(ToPage(rows, size, caller));
    }

    public static async Task<Results<Ok<Page<ReflectionResponse>>, ValidationProblem>> ListStudioReflections(
        Guid studioId, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] ReflectionServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (cursorAt, size) = Paging.Read<TimeCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var after = cursorAt?.Position;
        var caller = user.PersonId();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var isMember = await services.Studios.RoleAsync(connection, studioId, caller, ct) is not null;
        var rows = await services.Reflections.ListForStudioAsync(connection, studioId, isMember, after, size, ct);
        return TypedResults.Ok(ToPage(rows, size, caller));
    }

    private static Page<ReflectionResponse> ToPage(IReadOnlyList<ReflectionRow> rows, int size, Guid reader)
    {
        var page = Cursor.ToPage(rows, size, row => new TimeCursor(row.CreatedAt, row.ReflectionId));
        return new Page<ReflectionResponse>(page.Items.Select(row => ReflectionResponse.From(row, reader)).ToList(), page.NextCursor);
    }

    private static async Task<bool> MayReadAsync(NpgsqlConnection connection, ReflectionRow row, Guid reader,
        ReflectionServices services, CancellationToken ct)
    {
        var isMember = row.VisibilityValue == ReflectionVisibility.Studio && row.StudioId is { } studioId
            && await services.Studios.RoleAsync(connection, studioId, reader, ct) is not null;
        return ReflectionRules.MayRead(reader, row.AuthorId, row.VisibilityValue, isMember);
    }

    /// <summary>A studio named must be one the author belongs to; a practice named must have been published.</summary>
    private static async Task CheckReferencesAsync(NpgsqlConnection connection, Guid author, Guid? studioId, Guid? practiceId,
        int? practiceVersion, FieldErrors errors, ReflectionServices services, CancellationToken ct)
    {
        if (studioId is { } studio && await services.Studios.RoleAsync(connection, studio, author, ct) is null)
            errors.Add("studioId", "must be a studio you are a member of.");
        if (practiceId is { } practice && !await services.Practices.IsPublishedAsync(connection, practice, practiceVersion, ct))
            errors.Add(practiceVersion is null ? "practiceId" : "practiceVersion", "does not name a published practice (version).");
    }

    private static Task EnqueueSharedAsync(NpgsqlTransaction tx, ReflectionRow row, ReflectionServices services, CancellationToken ct) =>
        services.Outbox.EnqueueAsync(tx, new ReflectionShared(row.ReflectionId, row.AuthorId, row.StudioId, row.SessionId, row.PracticeId,
            row.Visibility, services.Time.GetUtcNow()), ct);
}
