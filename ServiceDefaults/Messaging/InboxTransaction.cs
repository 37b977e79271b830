using MassTransit;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The connection and transaction a consumer writes in. The inbox filter opened it, already recorded
/// the message there, and commits it after the consumer returns: the consumer's changes, its inbox row and
/// anything it enqueues in the outbox commit together.</summary>
public sealed class InboxTransaction
{
    private NpgsqlTransaction? _transaction;
    private IReadOnlySet<Guid>? _newMessageIds;

    public NpgsqlTransaction Transaction =>
        _transaction ?? throw new InvalidOperationException("No inbox transaction: this consumer runs outside the inbox filter.");

    public NpgsqlConnection Connection => Transaction.Connection!;

    /// <summary>A batch consumer applies these and skips the rest of the batch: the messages it has not consumed
    /// before. (Two copies of one message never share a batch: MassTransit keys a batch by message id.)</summary>
    public IReadOnlyList<ConsumeContext<T>> NewMessages<T>(Batch<T> batch)
        where T : class
    {
        var newMessageIds = _newMessageIds
            ?? throw new InvalidOperationException("No inbox batch: NewMessages is for consumers of Batch<T>.");
        return batch.Where(message => message.MessageId is { } id && newMessageIds.Contains(id)).ToList();
    }

    internal void Begin(NpgsqlTransaction transaction, IReadOnlySet<Guid>? newMessageIds = null)
    {
        _transaction = transaction;
        _newMessageIds = newMessageIds;
    }
}
