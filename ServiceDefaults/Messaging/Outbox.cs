using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Enqueues messages in the caller's own transaction: the state change and its events commit
/// together or not at all. The relay publishes them after the commit.</summary>
public sealed class Outbox
{
    internal const string WakeUpChannel = "studios_outbox";

    private const string InsertSql = $"""
        INSERT INTO outbox (id, message_type, body, trace_parent, trace_state)
        VALUES (@Id, @MessageType, @Body::jsonb, @TraceParent, @TraceState);
        NOTIFY {WakeUpChannel};
        """;

    /// <summary>Adds the message to the outbox in <paramref name="transaction"/>; NOTIFY wakes the relays
    /// only when that transaction commits. Returns the message id it will carry.</summary>
    public async Task<Guid> EnqueueAsync<T>(NpgsqlTransaction transaction, T message, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = NewId.NextSequentialGuid();
        var activity = Activity.Current;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id,
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = JsonSerializer.Serialize(message, message.GetType(), MessageTypes.Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
        }, transaction, cancellationToken: cancellationToken));
        return id;
    }
}
