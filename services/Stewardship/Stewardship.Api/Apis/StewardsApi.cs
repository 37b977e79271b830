using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;

namespace Studios.Stewardship.Apis;

/// <summary>The steward pool operators keep: who stewards, how many studios each may hold, and each one's load.</summary>
public static class StewardsApi
{
    public static IEndpointRouteBuilder MapStewardsApi(this IEndpointRouteBuilder app)
    {
        var stewards = app.MapGroup("/api/stewards").WithTags("Stewards").RequireAuthorization();
        stewards.MapPost("/", AddAsync).WithName("AddSteward")
            .WithSummary("Add a registered person to the steward pool").ProducesProblems(409).RequireAuthorization(StudiosPolicies.Operator);
        stewards.MapGet("/", ListAsync).WithName("ListStewards")
            .WithSummary("List the steward pool").RequireAuthorization(StudiosPolicies.StewardOrOperator);
        stewards.MapGet("/{id:guid}", GetAsync).WithName("GetSteward")
            .WithSummary("Get a steward").ProducesProblems(404).RequireAuthorization(StudiosPolicies.StewardOrOperator);
        stewards.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateSteward")
            .WithSummary("Update a steward").ProducesProblems(404, 412).RequireAuthorization(StudiosPolicies.Operator);
        stewards.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveSteward")
            .WithSummary("Remove a steward from the pool").ProducesProblems(404).RequireAuthorization(StudiosPolicies.Operator);
        stewards.MapGet("/{id:guid}/studios", StudiosAsync).WithName("ListStewardStudios")
            .WithSummary("List a steward's studios").ProducesProblems(404).RequireAuthorization(StudiosPolicies.StewardOrOperator);
        return app;
    }

    public static async Task<Results<Created<StewardResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddStewardRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return Problems.Invalid(errors);
        var personId = request.PersonId!.Value;
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await services.Stewards.LockAssignmentsAsync(transaction, ct);
            // Only someone Membership knows (registered, not erased) may steward: automatic approval assigns studios to the pool.
            if (!await services.People.IsRegisteredAsync(connection, personId, ct, transaction))
            {
                return Problems.Invalid("personId", "is not a registered person.");
            }
            if (!await services.Stewards.AddAsync(transaction, personId, displayName, request.MaxStudios!.Value, user.PersonId(),
                    services.Time.GetUtcNow(), ct))
            {
                return Problems.Conflict("This person is already a steward.", "personId: change their maxStudios with PUT instead.", "steward");
            }
            await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), AuditActions.StewardAdded,
                PersonId: personId, Detail: new { maxStudios = request.MaxStudios.Value }), ct);
            await transaction.CommitAsync(ct);
        }
        var steward = (await services.Stewards.GetAsync(connection, personId, ct))!;
        ETags.Set(http.Response, steward.Version);
        return TypedResults.Created($"/api/stewards/{personId}", StewardResponse.From(steward));
    }

    public static async Task<Results<Ok<Page<StewardResponse>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (after, take) = Paging.Read<Guid?>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await services.Stewards.ListAsync(connection, after, take, ct);
        var page = Cursor.ToPage(rows, take, row => (Guid?)row.PersonId);
        return TypedResults.Ok(new Page<StewardResponse>(page.Items.Select(StewardResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<StewardResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var steward = await services.Stewards.GetAsync(connection, id, ct);
        if (steward is null) return Problems.NotFound("Steward");
        ETags.Set(http.Response, steward.Version);
        return TypedResults.Ok(StewardResponse.From(steward));
    }

    public static async Task<Results<Ok<StewardResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateStewardRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return Problems.Invalid(errors);
        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim();

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await services.Stewards.LockAssignmentsAsync(transaction, ct);
            var current = await services.Stewards.GetAsync(connection, id, ct, transaction);
            if (current is null) return Problems.NotFound("Steward");
            if (!ETags.Matches(http.Request, current.Version)) return Problems.StaleVersion(ETags.For(current.Version));
            await services.Stewards.UpdateAsync(transaction, id, request.MaxStudios!.Value, displayName, current.Version, ct);
            await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), AuditActions.StewardUpdated,
                PersonId: id, Detail: new { maxStudios = request.MaxStudios.Value, previousMaxStudios = current.MaxStudios }), ct);
            await transaction.CommitAsync(ct);
        }
        var steward = (await services.Stewards.GetAsync(connection, id, ct))!;
        ETags.Set(http.Response, steward.Version);
        return TypedResults.Ok(StewardResponse.From(steward));
    }

    /// <summary>Takes the person out of the pool and off every studio they supported (a StewardUnassigned for each).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, ClaimsPrincipal user, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        var now = services.Time.GetUtcNow();
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await services.Stewards.LockAssignmentsAsync(transaction, ct);
        var studios = await services.Stewards.RemoveAsync(transaction, id, now, ct);
        if (studios is null) return Problems.NotFound("Steward");
        foreach (var studioId in studios)
        {
            await services.Outbox.EnqueueAsync(transaction, new StewardUnassigned(studioId, id, user.PersonId(), now), ct);
            await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), AuditActions.StewardUnassigned, studioId, id), ct);
        }
        await services.Audit.RecordAsync(transaction, new AuditEntry(user.PersonId(), AuditActions.StewardRemoved,
            PersonId: id, Detail: new { studiosUnassigned = studios.Count }), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IReadOnlyList<StewardStudioResponse>>, ProblemHttpResult>> StudiosAsync(
        Guid id, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        if (await services.Stewards.GetAsync(connection, id, ct) is null) return Problems.NotFound("Steward");
        var studios = await services.Stewards.StudiosOfAsync(connection, id, ct);
        return TypedResults.Ok<IReadOnlyList<StewardStudioResponse>>(studios.Select(StewardStudioResponse.From).ToList());
    }
}
