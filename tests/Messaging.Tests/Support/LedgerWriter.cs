using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Studios.Messaging.Tests.Ledger;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests.Support;

/// <summary>Records entries through a host's own Outbox, many per transaction: how a burst is produced.</summary>
public static class LedgerWriter
{
    public static Task<IReadOnlyList<Guid>> RecordAsync(IServiceProvider services, int count, int perTransaction = 100,
        string? note = null) =>
        WriteAsync(services, count, perTransaction, note, id => new EntryRecorded(id, note, DateTimeOffset.UtcNow));

    /// <summary>The same, announced as EntryImported: what Ledger's batch consumer applies.</summary>
    public static Task<IReadOnlyList<Guid>> ImportAsync(IServiceProvider services, int count, int perTransaction = 100,
        string? note = null) =>
        WriteAsync(services, count, perTransaction, note, id => new EntryImported(id, note, DateTimeOffset.UtcNow));

    private static async Task<IReadOnlyList<Guid>> WriteAsync<T>(IServiceProvider services, int count, int perTransaction,
        string? note, Func<Guid, T> announce)
        where T : class
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var outbox = services.GetRequiredService<Outbox>();
        var ids = new List<Guid>(count);
        while (ids.Count < count)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < perTransaction && ids.Count < count; i++)
            {
                var id = Guid.NewGuid();
                await connection.ExecuteAsync("INSERT INTO entries (id, note) VALUES (@id, @note)", new { id, note }, transaction);
                await outbox.EnqueueAsync(transaction, announce(id));
                ids.Add(id);
            }
            await transaction.CommitAsync();
        }
        return ids;
    }
}
