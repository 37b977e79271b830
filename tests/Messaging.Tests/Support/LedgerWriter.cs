using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Studios.Messaging.Tests.Ledger;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests.Support;

/// <summary>Records entries through a host's own Outbox, many per transaction: how a burst is produced.</summary>
public static class LedgerWriter
{
    public static async Task<IReadOnlyList<Guid>> RecordAsync(IServiceProvider services, int count, int perTransaction = 100,
        string? note = null)
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
                await outbox.EnqueueAsync(transaction, new EntryRecorded(id, note, DateTimeOffset.UtcNow));
                ids.Add(id);
            }
            await transaction.CommitAsync();
        }
        return ids;
    }
}
