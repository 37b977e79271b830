using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Http;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>Stewards' and operators' privileged actions land in the append-only audit trail with who, what, when and the
/// trace; operators read it per studio and per person.</summary>
[Trait("Category", "Integration")]
public sealed class AuditTrailTests(StewardshipFixture fixture) : IClassFixture<StewardshipFixture>
{
    private readonly Guid _operatorId = Guid.NewGuid();
    private readonly Guid _reviewerId = Guid.NewGuid();
    private HttpClient Operator => fixture.Factory.ClientFor(_operatorId, "Olu Operator", "operator");
    private HttpClient Reviewer => fixture.Factory.ClientFor(_reviewerId, "Rae Reviewer", "steward");
    private readonly HttpClient _facilitator = fixture.Factory.ClientFor(Guid.NewGuid(), "Fatima Facilitator", "facilitator");

    [Fact]
    public async Task A_studios_lifecycle_and_steward_changes_are_recorded_with_who_and_the_trace()
    {
        var stewardId = await fixture.RegisteredPersonAsync();
        await Operator.AddStewardAsync(stewardId, maxStudios: 2, displayName: "Sam Steward");
        var studio = await _facilitator.ProposeAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/studios/{studio.Id}/approve")
        {
            Content = JsonContent.Create(new { stewardId }),
        };
        approve.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await Reviewer.SendAsync(approve)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/pause", new { reason = "Summer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/resume")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Reviewer.DeleteAsync($"/api/studios/{studio.Id}/stewards/{stewardId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/retire")).StatusCode);

        var trail = await ReadAsync($"studioId={studio.Id}");
        Assert.Equal(
            [AuditActions.StudioRetired, AuditActions.StewardUnassigned, AuditActions.StudioResumed, AuditActions.StudioPaused,
                AuditActions.StudioApproved, AuditActions.StewardAssigned],
            trail.Items.Select(r => r.Action));
        Assert.All(trail.Items, record => Assert.Equal((_reviewerId, studio.Id), (record.ActorId, record.StudioId)));
        Assert.All(trail.Items, record => Assert.Matches("^[0-9a-f]{32}$", record.TraceId));
        var approved = trail.Items.Single(r => r.Action == AuditActions.StudioApproved);
        Assert.Equal(traceId.ToHexString(), approved.TraceId);
        Assert.Equal(("proposed", "active"), (Text(approved, "from"), Text(approved, "to")));
        Assert.Equal(stewardId, trail.Items.Single(r => r.Action == AuditActions.StewardAssigned).PersonId);
        Assert.True(trail.Items.Zip(trail.Items.Skip(1)).All(pair => pair.First.OccurredAt >= pair.Second.OccurredAt), "newest first");
    }

    [Fact]
    public async Task A_persons_trail_holds_what_was_done_to_them_and_what_they_did()
    {
        var stewardId = await fixture.RegisteredPersonAsync();
        var steward = await Operator.AddStewardAsync(stewardId, maxStudios: 1);
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/stewards/{stewardId}") { Content = JsonContent.Create(new { maxStudios = 3 }) };
        update.Headers.TryAddWithoutValidation("If-Match", ETags.For(steward.Version));
        Assert.Equal(HttpStatusCode.OK, (await Operator.SendAsync(update)).StatusCode);
        var studio = await _facilitator.ProposeAsync();
        await Reviewer.ApproveAsync(studio.Id, stewardId);
        Assert.Equal(HttpStatusCode.NoContent, (await Operator.DeleteAsync($"/api/stewards/{stewardId}")).StatusCode);

        var done = await ReadAsync($"personId={stewardId}");
        Assert.Equal(
            [AuditActions.StewardRemoved, AuditActions.StewardUnassigned, AuditActions.StewardAssigned, AuditActions.StewardUpdated,
                AuditActions.StewardAdded],
            done.Items.Select(r => r.Action));
        Assert.Equal([_operatorId, _operatorId, _reviewerId, _operatorId, _operatorId], done.Items.Select(r => r.ActorId));
        Assert.Equal((3, 1), (Number(done.Items[3], "maxStudios"), Number(done.Items[3], "previousMaxStudios")));
        Assert.Equal(1, Number(done.Items[0], "studiosUnassigned"));

        // The operator's own actions, found by their id.
        var byOperator = await ReadAsync($"personId={_operatorId}");
        Assert.Equal(4, byOperator.Items.Count(r => r.ActorId == _operatorId));

        // Keyset paging: two at a time, no record twice, none missed.
        var first = await ReadAsync($"personId={stewardId}&limit=2");
        Assert.NotNull(first.NextCursor);
        var second = await ReadAsync($"personId={stewardId}&limit=2&cursor={first.NextCursor}");
        var third = await ReadAsync($"personId={stewardId}&limit=2&cursor={second.NextCursor}");
        Assert.Null(third.NextCursor);
        Assert.Equal(done.Items.Select(r => r.Id), first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Id));
    }

    [Fact]
    public async Task A_refused_action_records_nothing()
    {
        var studio = await _facilitator.ProposeAsync();
        await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/retire")).ProblemAsync(HttpStatusCode.Conflict);
        await (await Reviewer.PostJsonAsync($"/api/studios/{studio.Id}/approve", new { stewardId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Empty((await ReadAsync($"studioId={studio.Id}")).Items);
    }

    [Fact]
    public async Task Only_operators_read_it_and_bad_queries_name_their_field()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Reviewer.GetAsync($"{AuditEndpoints.Path}?studioId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync($"{AuditEndpoints.Path}?studioId={Guid.NewGuid()}")).StatusCode);

        Assert.Contains("studioId", (await (await Operator.GetAsync($"{AuditEndpoints.Path}?studioId=not-an-id")).FieldErrorsAsync()).Keys);
        Assert.Contains("personId", (await (await Operator.GetAsync($"{AuditEndpoints.Path}?personId=123")).FieldErrorsAsync()).Keys);
        Assert.Contains("studioId", (await (await Operator.GetAsync(AuditEndpoints.Path)).FieldErrorsAsync()).Keys);
        Assert.Contains("cursor", (await (await Operator.GetAsync($"{AuditEndpoints.Path}?studioId={Guid.NewGuid()}&cursor=nonsense")).FieldErrorsAsync()).Keys);
        Assert.Contains("limit", (await (await Operator.GetAsync($"{AuditEndpoints.Path}?studioId={Guid.NewGuid()}&limit=0")).FieldErrorsAsync()).Keys);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_record()
    {
        var studio = await _facilitator.ProposeAsync();
        await Reviewer.ApproveAsync(studio.Id);

        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     $"UPDATE audit_trail SET actor_id = gen_random_uuid() WHERE studio_id = '{studio.Id}'",
                     $"DELETE FROM audit_trail WHERE studio_id = '{studio.Id}'",
                     "TRUNCATE audit_trail",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        var approved = Assert.Single((await ReadAsync($"studioId={studio.Id}")).Items, r => r.Action == AuditActions.StudioApproved);
        Assert.Equal(_reviewerId, approved.ActorId);
    }

    private async Task<Page<AuditRecord>> ReadAsync(string query) =>
        await (await Operator.GetAsync($"{AuditEndpoints.Path}?{query}")).ReadAsync<Page<AuditRecord>>();

    private static string? Text(AuditRecord record, string property) => record.Detail!.Value.GetProperty(property).GetString();

    private static int Number(AuditRecord record, string property) => record.Detail!.Value.GetProperty(property).GetInt32();
}
