using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Enqueues messages in the caller's own transaction: the state change and its events commit
/// together or not at all. The relay publishes them after the commit: this process's relay is woken when the
/// connection closes after it (<see cref="OutboxSignal"/>), other instances' relays on their next poll, or at the
/// commit when <see cref="MessagingOptions.NotifyOnEnqueue"/> is on.</summary>
public sealed class Outbox(OutboxSignal signal, IOptions<MessagingOptions> options)
{
    internal const string WakeUpChannel = "studios_outbox";

    private const string InsertSql = """
        INSERT INTO outbox (id, message_type, body, trace_parent, trace_state)
        VALUES (@Id, @MessageType, @Body::jsonb, @TraceParent, @TraceState)
        """;

    private const string InsertAndNotifySql = InsertSql + $"; NOTIFY {WakeUpChannel}";

    /// <summary>Adds the message to the outbox in <paramref name="transaction"/>, to be published once that transaction
    /// commits and its connection is closed (or returned to the pool). Returns the message id it will carry.</summary>
    public async Task<Guid> EnqueueAsync<T>(NpgsqlTransaction transaction, T message, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var connection = ConnectionOf(transaction);
        var id = NewId.NextSequentialGuid();
        var activity = Activity.Current;
        await connection.ExecuteAsync(new CommandDefinition(
            options.Value.NotifyOnEnqueue ? InsertAndNotifySql : InsertSql, new
            {
                Id = id,
                MessageType = MessageTypes.NameOf(message.GetType()),
                Body = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json),
                TraceParent = activity?.Id,
                TraceState = activity?.TraceStateString,
            }, transaction, cancellationToken: cancellationToken));
        signal.WhenClosed(connection);
        return id;
    }

    /// <summary>Adds several messages in one round trip (a roster closing, a batch import); returns their ids in order.</summary>
    public async Task<IReadOnlyList<Guid>> EnqueueAllAsync<T>(NpgsqlTransaction transaction, IReadOnlyCollection<T> messages,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }
        var connection = ConnectionOf(transaction);
        var ids = messages.Select(_ => NewId.NextSequentialGuid()).ToArray();
        var activity = Activity.Current;
        await connection.ExecuteAsync(new CommandDefinition(
            InsertAllSql + (options.Value.NotifyOnEnqueue ? $"; NOTIFY {WakeUpChannel}" : ""), new
            {
                Ids = ids,
                MessageTypes = messages.Select(message => MessageTypes.NameOf(message.GetType())).ToArray(),
                Bodies = messages.Select(message => JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json)).ToArray(),
                TraceParent = activity?.Id,
                TraceState = activity?.TraceStateString,
            }, transaction, cancellationToken: cancellationToken));
        signal.WhenClosed(connection);
        return ids;
    }

    private static NpgsqlConnection ConnectionOf(NpgsqlTransaction transaction) =>
        transaction.Connection ?? throw new InvalidOperationException("The transaction has already committed or rolled back.");

    private const string InsertAllSql = """
        INSERT INTO outbox (id, message_type, body, trace_parent, trace_state)
        SELECT message.id, message.message_type, message.body::jsonb, @TraceParent, @TraceState
        FROM unnest(@Ids, @MessageTypes, @Bodies) WITH ORDINALITY AS message(id, message_type, body, position)
        ORDER BY message.position
        """;
}
