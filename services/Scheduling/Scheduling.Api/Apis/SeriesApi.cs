using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Studios.Scheduling.Apis.Models;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.ServiceDefaults.Identity;

namespace Studios.Scheduling.Apis;

/// <summary>Session series: created and changed ("this and following") by the studio's facilitators.</summary>
public static class SeriesApi
{
    public static IEndpointRouteBuilder MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Series").RequireAuthorization();
        api.MapPost("/studios/{studioId:guid}/series", CreateAsync).WithName("CreateSeries")
            .WithSummary("Create a session series").ProducesProblems(404, 409);
        api.MapGet("/studios/{studioId:guid}/series", ListAsync).WithName("ListSeries")
            .WithSummary("List a studio's session series").ProducesProblems(404);
        api.MapGet("/series/{id:guid}", GetAsync).WithName("GetSeries").WithSummary("Get a session series").ProducesProblems(404);
        api.MapPut("/series/{id:guid}", ChangeAsync).WithName("ChangeSeries").WithSummary("Change a session series").ProducesProblems(404, 409, 412);
        return app;
    }

    public static async Task<Results<Created<SeriesResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid studioId, SeriesRequest request, ClaimsPrincipal user, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var studio = await services.Studios.GetAsync(connection, studioId, ct: ct);
        if (studio?.Name is null) return Problems.NotFound("Studio");
        if (!(await services.AccessAsync(connection, user, studioId, ct: ct)).CanManage)
            return Problems.Forbidden("Only the studio's facilitators manage its series.");
        if (studio.Status != StudioStatus.Active)
            return Problems.Conflict("Sessions can be scheduled only in an active studio.", currentState: new { status = studio.Status });

        var errors = new FieldErrors();
        var definition = request.Validate(studio, user.PersonId(), null, services.Now, services.Options.Value, errors);
        if (definition is not null) await CheckFacilitatorAsync(services, connection, studioId, definition.FacilitatorId, errors, ct);
        if (errors.Any || definition is null) return Problems.Invalid(errors);

        var id = Guid.CreateVersion7();
        await using var tx = await connection.BeginTransactionAsync(ct);
        await services.Series.InsertAsync(tx, id, studioId, definition.Title, definition.Schedule, definition.Location,
            definition.OnlineUrl, definition.Capacity, definition.FacilitatorId, null, user.PersonId(), ct);
        var row = (await services.Series.GetAsync(connection, id, tx, forUpdate: true, ct))!;
        await services.Materialiser.ExtendAsync(tx, row, null, ct);
        await tx.CommitAsync(ct);

        row = (await services.Series.GetAsync(connection, id, ct: ct))!;
        ETags.Set(response, row.Version);
        return TypedResults.Created($"/api/series/{id}", SeriesResponse.From(row));
    }

    public static async Task<Results<Ok<Page<SeriesResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid studioId, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<SeriesKey>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (await services.Studios.GetAsync(connection, studioId, ct: ct) is null) return Problems.NotFound("Studio");
        if (!(await services.AccessAsync(connection, user, studioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its series.");
        var rows = await services.Series.ListAsync(connection, studioId, after, take, ct);
        var page = Cursor.ToPage(rows, take, row => new SeriesKey(DapperTimestamps.Utc(row.CreatedAt), row.Id));
        return TypedResults.Ok(new Page<SeriesResponse>(page.Items.Select(SeriesResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, HttpResponse response, [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var row = await services.Series.GetAsync(connection, id, ct: ct);
        if (row is null) return Problems.NotFound("Series");
        if (!(await services.AccessAsync(connection, user, row.StudioId, ct: ct)).CanRead)
            return Problems.Forbidden("Only the studio's members, stewards and operators read its series.");
        ETags.Set(response, row.Version);
        return TypedResults.Ok(SeriesResponse.From(row));
    }

    /// <summary>Changes the series from the local date <paramref name="from"/> on (default: its next session); earlier
    /// sessions stay as they were. Answers with the series that now holds the sessions from <paramref name="from"/>:
    /// a new one (PreviousSeriesId set) unless nothing preceded the change.</summary>
    public static async Task<Results<Ok<SeriesResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, DateOnly? from, SeriesRequest request, ClaimsPrincipal user, HttpRequest http, HttpResponse response,
        [AsParameters] SchedulingServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = await services.Series.GetAsync(connection, id, tx, forUpdate: true, ct);
        if (old is null) return Problems.NotFound("Series");
        if (!(await services.AccessAsync(connection, user, old.StudioId, tx, ct)).CanManage)
            return Problems.Forbidden("Only the studio's facilitators manage its series.");
        if (!ETags.Matches(http, old.Version)) return Problems.StaleVersion(ETags.For(old.Version));
        var studio = (await services.Studios.GetAsync(connection, old.StudioId, tx, ct))!;
        if (studio.Status != StudioStatus.Active)
            return Problems.Conflict("Sessions can be scheduled only in an active studio.", currentState: new { status = studio.Status });

        var now = services.Now;
        var today = LocalTime.DateIn(now, old.TimeZone);
        var errors = new FieldErrors();
        var cutDate = from ?? await NextSessionDateAsync(services, tx, old, now, ct) ?? today;
        if (cutDate < today) errors.Add("from", "must not be in the past: sessions that happened stay as they were.");
        var studioDefaults = studio with { TimeZone = studio.TimeZone ?? old.TimeZone };
        var definition = request with { TimeZone = request.TimeZone ?? old.TimeZone, Capacity = request.Capacity ?? old.Capacity };
        var changed = errors.Any ? null : definition.Validate(studioDefaults, old.FacilitatorId ?? user.PersonId(), cutDate, now,
            services.Options.Value, errors);
        if (changed is not null) await CheckFacilitatorAsync(services, connection, old.StudioId, changed.FacilitatorId, errors, ct, tx);
        if (errors.Any || changed is null) return Problems.Invalid(errors);

        var cutOff = LocalTime.StartOfDay(cutDate, old.TimeZone);
        var target = await services.SeriesChanges.ApplyAsync(tx, old, changed, cutOff, user.PersonId(), ct);
        await tx.CommitAsync(ct);
        ETags.Set(response, target.Version);
        return TypedResults.Ok(SeriesResponse.From(target));
    }

    private static async Task<DateOnly?> NextSessionDateAsync(SchedulingServices services, NpgsqlTransaction tx, SeriesRow series,
        DateTimeOffset now, CancellationToken ct)
    {
        var next = (await services.Sessions.UpcomingOfSeriesAsync(tx, series.Id, now, ct)).FirstOrDefault();
        if (next == Guid.Empty) return null;
        var session = (await services.Sessions.GetAsync(tx.Connection!, next, null, tx, ct))!;
        return LocalTime.DateIn(DapperTimestamps.Utc(session.OriginalStart), series.TimeZone);
    }

    internal static async Task CheckFacilitatorAsync(SchedulingServices services, NpgsqlConnection connection, Guid studioId,
        Guid facilitatorId, FieldErrors errors, CancellationToken ct, NpgsqlTransaction? tx = null)
    {
        var role = await services.Studios.RoleAsync(connection, studioId, facilitatorId, tx, ct);
        if (!StudioAccess.IsFacilitatorRole(role)) errors.Add("facilitatorId", "must be a facilitator or co-facilitator of the studio.");
    }
}
