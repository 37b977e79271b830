using System.Text.Json;
using Dapper;
using Npgsql;

namespace Studios.ServiceDefaults.Audit;

/// <summary>Reads the trail newest first, a page at a time: a studio's records, a person's (what they did and what was
/// done to them), or both at once.</summary>
public sealed class AuditReader(NpgsqlDataSource dataSource)
{
    /// <summary>Up to <paramref name="limit"/> + 1 records older than <paramref name="before"/> (the extra one proves a next page).</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(
        Guid? studioId, Guid? personId, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, occurred_at AS OccurredAt, actor_id AS ActorId, action AS Action, studio_id AS StudioId,
                   person_id AS PersonId, detail::text AS Detail, trace_id AS TraceId
            FROM audit_trail
            WHERE (@StudioId::uuid IS NULL OR studio_id = @StudioId)
              AND (@PersonId::uuid IS NULL OR person_id = @PersonId OR actor_id = @PersonId)
              AND (@Before::bigint IS NULL OR id < @Before)
            ORDER BY id DESC
            LIMIT @Take
            """,
            new { StudioId = studioId, PersonId = personId, Before = before, Take = limit + 1 },
            cancellationToken: cancellationToken));
        return rows.Select(row => row.ToRecord()).ToList();
    }

    private sealed record Row(
        long Id, DateTimeOffset OccurredAt, Guid ActorId, string Action, Guid? StudioId, Guid? PersonId, string? Detail, string? TraceId)
    {
        public AuditRecord ToRecord() => new(Id, OccurredAt, ActorId, Action, StudioId, PersonId,
            Detail is null ? null : JsonDocument.Parse(Detail).RootElement.Clone(), TraceId);
    }
}
