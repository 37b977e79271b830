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
