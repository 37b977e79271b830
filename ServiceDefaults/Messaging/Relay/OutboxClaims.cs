using Dapper;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Claiming: takes pending rows for this relay under a lease. FOR UPDATE SKIP LOCKED lets several instances
/// claim side by side without waiting for each other; the lease (claimed_until), not a lock, keeps a row with the relay
/// that claimed it until it is marked, and gives it to another relay if this one dies.</summary>
internal sealed class OutboxClaims(NpgsqlDataSource dataSource)
{
    /// <summary>Long enough for a claimed row to be published, confirmed or timed out, and marked.</summary>
    public static readonly TimeSpan Lease = OutboxPublisher.Timeout * 3;

    // Without statistics (a new database) or with stale ones (analysed while nothing was pending) the planner expects a
    // handful of pending rows and sorts them all: O(backlog) per claim. Without sorting it walks outbox_pending in order
    // and stops at the limit. The commit need not wait for the disk: a claim lost in a crash only means the row is
    // published again, which the consumers' inbox absorbs.
    private const string ClaimSql = """
        SET LOCAL enable_sort = off;
        SET LOCAL synchronous_commit = off;
        UPDATE outbox SET claimed_until = now() + @Lease
        WHERE id IN (
            SELECT id FROM outbox
            WHERE sent_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
            ORDER BY sequence
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED)
        RETURNING id AS Id, message_type AS MessageType, body::text AS Body, trace_parent AS TraceParent, trace_state AS TraceState
        """;

    /// <summary>Claims up to <paramref name="limit"/> rows that are due, oldest first.</summary>
    public async Task<List<OutboxRow>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(ClaimSql, new { Lease, Limit = limit }, transaction,
            cancellationToken: cancellationToken))).AsList();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
