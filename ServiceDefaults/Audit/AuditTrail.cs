using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Studios.ServiceDefaults.Audit;

/// <summary>Writes the audit trail in the caller's transaction, so an action and its record commit or roll back together.</summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For an action whose effect lies outside the database (a requeue on the broker): recorded on its own,
    /// once the action has happened.</summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RecordAsync(transaction, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task RecordAsync(NpgsqlTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_trail (occurred_at, actor_id, action, studio_id, person_id, detail, trace_id)
            VALUES (@OccurredAt, @ActorId, @Action, @StudioId, @PersonId, @Detail::jsonb, @TraceId)
            """,
            new
            {
                OccurredAt = time.GetUtcNow(),
                entry.ActorId,
                entry.Action,
                entry.StudioId,
                entry.PersonId,
                Detail = entry.Detail is null ? null : JsonSerializer.Serialize(entry.Detail, Json),
                // The request's trace: from the record an operator finds the whole story in the telemetry backend.
                TraceId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : null,
            },
            transaction, cancellationToken: cancellationToken));
}
