using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The connection and transaction a consumer writes in. The inbox filter opened it, already recorded
/// the message there, and commits it after the consumer returns: the consumer's changes, its inbox row and
/// anything it enqueues in the outbox commit together.</summary>
public sealed class InboxTransaction
{
    private NpgsqlTransaction? _transaction;

    public NpgsqlTransaction Transaction =>
        _transaction ?? throw new InvalidOperationException("No inbox transaction: this consumer runs outside the inbox filter.");

    public NpgsqlConnection Connection => Transaction.Connection!;

    internal void Begin(NpgsqlTransaction transaction) => _transaction = transaction;
}
