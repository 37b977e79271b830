using NodaTime;
using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis;

/// <summary>The nourishment log: check-ins by a studio's assigned stewards with its facilitators.</summary>
public static class CheckInsApi
{
    public static IEndpointRouteBuilder MapCheckInsApi(this IEndpointRouteBuilder app)
    {
        var checkIns = app.MapGroup("/api/studios/{id:guid}/check-ins").WithTags("Check-ins")
            .RequireAuthorization(StudiosPolicies.StewardOrOperator);
        checkIns.MapPost("/", RecordAsync).WithName("RecordCheckIn")
            .WithSummary("Record a steward's check-in with a studio").ProducesProblems(404, 409).RequireAuthorization(StudiosPolicies.Steward);
        checkIns.MapGet("/", ListAsync).WithName("ListCheckIns").WithSummary("List a studio's check-ins").ProducesProblems(404);
        checkIns.MapGet("/{checkInId:guid}", GetAsync).WithName("GetCheckIn").WithSummary("Get a check-in").ProducesProblems(404);
        return app;
    }

    public static async Task<Results<Created<CheckInResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, RecordCheckInRequest request, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var studio = await services.Studios.GetAsync(connection, id, ct);
        if (studio is null) return Problems.NotFound("Studio");
        var stewardId = user.PersonId();
        if (!await services.Stewards.IsAssignedAsync(connection, id, stewardId, ct))
        {
            return Problems.Forbidden("Only a steward assigned to this studio records its check-ins.");
        }
        if (!studio.StudioState.IsOpen())
        {
            return Problems.Conflict($"A {studio.State} studio takes no more check-ins.", null, studio.State);
        }

        var now = services.Time.GetUtcNow();
        var today = Instant.FromDateTimeOffset(now).InZone(DateTimeZoneProviders.Tzdb[studio.TimeZone]).Date.ToDateOnly();
        var errors = request.Validate(today);
        if (request.FacilitatorId is { } facilitatorId && facilitatorId != studio.FoundingFacilitatorId
            && !await services.Activity.IsFacilitatorAsync(connection, id, facilitatorId, ct))
        {
            errors.Add("facilitatorId", "is not a facilitator of this studio.");
        }
        if (errors.Any) return Problems.Invalid(errors);

        var checkIn = new NewCheckIn(Guid.CreateVersion7(), id, stewardId, user.DisplayName(), request.FacilitatorId!.Value,
            string.IsNullOrWhiteSpace(request.FacilitatorName) ? null : request.FacilitatorName.Trim(), request.HeldOn!.Value,
            request.Notes!.Trim(), now,
            (request.FollowUps ?? []).Select(f => new NewFollowUp(Guid.CreateVersion7(), f!.Action!.Trim(), f.DueOn!.Value)).ToList());
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await services.CheckIns.AddAsync(transaction, checkIn, ct);
            await services.Outbox.EnqueueAllAsync(transaction, checkIn.FollowUps
                .Select(followUp => new FollowUpAgreed(followUp.Id, id, stewardId, followUp.DueOn, now)).ToList(), ct);
            await transaction.CommitAsync(ct);
        }
        services.Metrics.CheckInRecorded();

        var row = (await services.CheckIns.GetAsync(connection, id, checkIn.Id, ct))!;
        var followUps = await services.CheckIns.FollowUpsOfAsync(connection, [checkIn.Id], ct);
        return TypedResults.Created($"/api/studios/{id}/check-ins/{checkIn.Id}", CheckInResponse.From(row, followUps[checkIn.Id]));
    }

    public static async Task<Results<Ok<Page<CheckInResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<CheckInCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (await ReadableAsync(id, user, connection, services, ct) is { } refused) return refused;
        var rows = await services.CheckIns.ListAsync(connection, id, after, take, ct);
        var page = Cursor.ToPage(rows, take, row => new CheckInCursor(row.HeldOn, row.Id));
        var followUps = await services.CheckIns.FollowUpsOfAsync(connection, page.Items.Select(row => row.Id).ToList(), ct);
        return TypedResults.Ok(new Page<CheckInResponse>(
            page.Items.Select(row => CheckInResponse.From(row, followUps[row.Id])).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Guid checkInId, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (await ReadableAsync(id, user, connection, services, ct) is { } refused) return refused;
        var row = await services.CheckIns.GetAsync(connection, id, checkInId, ct);
        if (row is null) return Problems.NotFound("Check-in");
        var followUps = await services.CheckIns.FollowUpsOfAsync(connection, [row.Id], ct);
        return TypedResults.Ok(CheckInResponse.From(row, followUps[row.Id]));
    }

    /// <summary>Operators read every studio's log; a steward reads the logs of studios they are assigned to.</summary>
    private static async Task<ProblemHttpResult?> ReadableAsync(Guid studioId, ClaimsPrincipal user, NpgsqlConnection connection,
        StewardshipServices services, CancellationToken ct)
    {
        if (await services.Studios.GetAsync(connection, studioId, ct) is null) return Problems.NotFound("Studio");
        if (user.IsOperator() || await services.Stewards.IsAssignedAsync(connection, studioId, user.PersonId(), ct)) return null;
        return Problems.Forbidden("Only operators and the stewards assigned to this studio read its check-ins.");
    }
}
