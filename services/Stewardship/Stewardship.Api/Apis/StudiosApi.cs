using Studios.Stewardship.Apis.Models;
using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis;

/// <summary>The studio registry: propose, list, read.</summary>
public static class StudiosApi
{
    public static IEndpointRouteBuilder MapStudiosApi(this IEndpointRouteBuilder app)
    {
        var studios = app.MapGroup("/api/studios").WithTags("Studios").RequireAuthorization();
        studios.MapPost("/", ProposeAsync).WithName("ProposeStudio")
            .WithSummary("Propose a studio").ProducesProblems(409).RequireAuthorization(StudiosPolicies.FacilitatorOrSteward);
        studios.MapGet("/", ListAsync).WithName("ListStudios").WithSummary("List studios");
        studios.MapGet("/{id:guid}", GetAsync).WithName("GetStudio").WithSummary("Get a studio").ProducesProblems(404);
        return app;
    }

    public static async Task<Results<Created<StudioResponse>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        ProposeStudioRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return Problems.Invalid(errors);

        var now = services.Time.GetUtcNow();
        var studio = new NewStudio(Guid.CreateVersion7(), request.Name!.Trim(), request.Purpose!.Trim(), request.PracticeFocus!.Trim(),
            request.IntendedCadence!.Trim(), request.Capacity!.Value, request.TimeZone!.Trim(), request.FoundingFacilitatorId!.Value,
            user.PersonId(), now);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            if (!await services.Studios.ProposeAsync(transaction, studio, ct))
            {
                return Problems.Conflict("A studio with this name already exists.",
                    $"name: '{studio.Name}' is taken; studio names are unique in the network, ignoring case.");
            }
            await services.Outbox.EnqueueAsync(transaction, new StudioProposed(studio.Id, studio.Name, studio.Purpose,
                studio.PracticeFocus, studio.IntendedCadence, studio.Capacity, studio.TimeZone, studio.FoundingFacilitatorId,
                studio.ProposedBy, now), ct);
            await transaction.CommitAsync(ct);
        }
        services.Metrics.Transition("proposed");
        services.Counts.Wake();

        var row = (await services.Studios.GetAsync(connection, studio.Id, ct))!;
        ETags.Set(http.Response, row.Version);
        return TypedResults.Created($"/api/studios/{row.Id}", StudioResponse.From(row));
    }

    /// <summary>Active studios for everyone; stewards and operators see every state, others also their own proposals.</summary>
    public static async Task<Results<Ok<Page<StudioResponse>>, ValidationProblem>> ListAsync(
        string? state, string? cursor, int? limit, ClaimsPrincipal user, [AsParameters] StewardshipServices services,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        StudioState? wanted = null;
        if (state is not null)
        {
            if (StudioStates.TryParse(state, out var parsed)) wanted = parsed;
            else errors.Add("state", $"must be one of: {StudioStates.AllText}.");
        }
        var (after, take) = Paging.Read<StudioCursor>(cursor, limit, errors);
        if (errors.Any) return Problems.Invalid(errors);

        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var rows = await services.Studios.ListAsync(connection,
            new StudioListQuery(wanted, after, take, user.IsStewardOrOperator(), user.PersonId()), ct);
        var page = Cursor.ToPage(rows, take, row => new StudioCursor(row.Name, row.Id));
        return TypedResults.Ok(new Page<StudioResponse>(page.Items.Select(StudioResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<StudioResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, [AsParameters] StewardshipServices services, CancellationToken ct)
    {
        await using var connection = await services.DataSource.OpenConnectionAsync(ct);
        var row = await services.Studios.GetAsync(connection, id, ct);
        if (row is null || !user.CanSee(row)) return Problems.NotFound("Studio");
        ETags.Set(http.Response, row.Version);
        return TypedResults.Ok(StudioResponse.From(row));
    }
}
