using Dapper;
using Npgsql;

namespace Studios.Messaging.Tests.Support;

/// <summary>Reads Ledger's tables directly, as the test's own eyes: what was applied, and how often.</summary>
public sealed class LedgerDatabase(string connectionString)
{
    public async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>The message id the outbox gave the event of <paramref name="entryId"/>.</summary>
    public async Task<Guid> MessageIdOfAsync(Guid entryId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<Guid>("SELECT id FROM outbox WHERE body->>'entryId' = @entry", new { entry = entryId.ToString() });
    }

    /// <summary>The effects of EntryRecorded (its consumer); of EntryImported (its batch consumer).</summary>
    public const string Effects = "effects", ImportedEffects = "imported_effects";

    public Task<long> EffectsAsync(string table = Effects) => ScalarAsync($"SELECT count(*) FROM {table}");

    public Task<long> DistinctEffectsAsync(string table = Effects) => ScalarAsync($"SELECT count(DISTINCT entry_id) FROM {table}");

    public Task<long> PendingOutboxAsync() => ScalarAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL");

    /// <summary>Where the outbox rows are (a stalled test prints it): unsent, leased, backing off, attempts, the
    /// errors seen, and rows the broker confirmed (sent) whose event was never applied.</summary>
    public async Task<string> DescribeOutboxAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var state = await connection.QuerySingleAsync("""
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE sent_at IS NULL) AS unsent,
                   count(*) FILTER (WHERE sent_at IS NULL AND claimed_until > now()) AS leased,
                   count(*) FILTER (WHERE sent_at IS NULL AND next_attempt_at > now()) AS backing_off,
                   count(*) FILTER (WHERE attempts > 0) AS ever_failed,
                   coalesce(max(attempts), 0) AS max_attempts,
                   extract(epoch FROM max(next_attempt_at) FILTER (WHERE sent_at IS NULL) - now())::float8 AS latest_due_in_s,
                   (SELECT count(*) FROM outbox o WHERE o.sent_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM effects e WHERE e.message_id = o.id)) AS sent_not_applied,
                   (SELECT count(*) FROM inbox) AS inbox_rows,
                   (SELECT count(*) FROM effects) AS effects,
                   (SELECT count(DISTINCT entry_id) FROM effects) AS distinct_effects
            FROM outbox
            """);
        var lines = new List<string>
        {
            $"outbox: {state.total} rows, {state.unsent} unsent ({state.leased} leased, {state.backing_off} backing off, latest due in " +
            $"{state.latest_due_in_s:0.#} s), {state.ever_failed} ever failed (max attempts {state.max_attempts}); " +
            $"{state.sent_not_applied} sent but not applied; inbox {state.inbox_rows} rows; effects {state.effects} ({state.distinct_effects} distinct)",
        };
        foreach (var error in await connection.QueryAsync("""
            SELECT last_error, count(*) AS rows, count(*) FILTER (WHERE sent_at IS NULL) AS unsent, max(attempts) AS max_attempts
            FROM outbox WHERE last_error IS NOT NULL GROUP BY last_error ORDER BY count(*) DESC LIMIT 10
            """))
        {
            lines.Add($"  last_error ({error.rows} rows, {error.unsent} unsent, max attempts {error.max_attempts}): {error.last_error}");
        }
        foreach (var span in await connection.QueryAsync("""
            SELECT min(o.sent_at) AS first, max(o.sent_at) AS last, count(*) AS rows FROM outbox o
            WHERE o.sent_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM effects e WHERE e.message_id = o.id)
            HAVING count(*) > 0
            """))
        {
            lines.Add($"  sent but not applied: {span.rows} rows marked sent between {span.first:HH:mm:ss.fff} and {span.last:HH:mm:ss.fff} (UTC)");
        }
        return string.Join('\n', lines);
    }

    /// <summary>Lost and duplicated effects of the <paramref name="expected"/> entries.</summary>
    public async Task<Tally> TallyAsync(IReadOnlyCollection<Guid> expected, int duplicateDeliveries, string table = Effects)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var applied = (await connection.QueryAsync<(Guid EntryId, long Count)>(
            $"SELECT entry_id AS EntryId, count(*) AS Count FROM {table} GROUP BY entry_id")).ToDictionary(row => row.EntryId, row => row.Count);
        var lost = expected.Count(id => !applied.ContainsKey(id));
        var duplicated = applied.Values.Sum(count => count - 1);
        return new Tally(expected.Count, lost, (int)duplicated, duplicateDeliveries);
    }

    /// <summary>True once every expected entry has at least one effect.</summary>
    public async Task<bool> AllAppliedAsync(int expected, string table = Effects) => await DistinctEffectsAsync(table) >= expected;
}

/// <summary>What a reliability test reports: lost and duplicated effects must be 0; duplicate deliveries are allowed
/// (at-least-once) and absorbed by the inbox.</summary>
public sealed record Tally(int Expected, int Lost, int DuplicatedEffects, int DuplicateDeliveries)
{
    public override string ToString() =>
        $"expected {Expected}, lost {Lost}, duplicated effects {DuplicatedEffects}, duplicate deliveries {DuplicateDeliveries}";
}
