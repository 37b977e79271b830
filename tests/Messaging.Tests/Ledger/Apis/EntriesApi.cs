using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests.Ledger.Apis;

public static class EntriesApi
{
    public static WebApplication MapEntriesApi(this WebApplication app)
    {
        app.MapPost("/api/entries", RecordAsync).WithName("RecordEntries").AllowAnonymous();
        return app;
    }

    /// <summary>Records entries and enqueues their events in one transaction; Fail throws after the enqueue, so
    /// nothing may commit or be published.</summary>
    private static async Task<Created<RecordedEntries>> RecordAsync(RecordEntries request, NpgsqlDataSource dataSource, Outbox outbox,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<Guid>();
        for (var i = 0; i < Math.Max(1, request.Count); i++)
        {
            var id = Guid.NewGuid();
            await connection.ExecuteAsync(new CommandDefinition("INSERT INTO entries (id, note) VALUES (@id, @note)",
                new { id, note = request.Note }, transaction, cancellationToken: cancellationToken));
            await outbox.EnqueueAsync(transaction, new EntryRecorded(id, request.Note, DateTimeOffset.UtcNow), cancellationToken);
            ids.Add(id);
        }
        if (request.Fail)
        {
            throw new InvalidOperationException("Failing after the enqueue, as asked.");
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created("/api/entries", new RecordedEntries(ids));
    }
}

public sealed record RecordEntries(int Count = 1, string? Note = null, bool Fail = false);

public sealed record RecordedEntries(IReadOnlyList<Guid> Ids);
