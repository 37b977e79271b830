using Dapper;
using MassTransit;
using MassTransit.DependencyInjection;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The inbox of a batch consumer (<c>IConsumer&lt;Batch&lt;T&gt;&gt;</c>): records every message of the batch in
/// one statement, inside the transaction the consumer then uses and that commits after it. The consumer applies only
/// <see cref="InboxTransaction.NewMessages{T}"/>: a redelivered batch may hold messages it applied before.</summary>
internal sealed class InboxBatchFilter<T>(IConsumeScopeProvider scopes, MessagingMetrics metrics, ILogger logger)
    : IFilter<ConsumeContext<Batch<T>>>
    where T : class
{
    // Sorted, so two batches holding some of the same messages take their inbox keys in the same order (no deadlock);
    // a concurrent duplicate waits on the key until the first transaction commits, then inserts nothing.
    private const string RecordSql = """
        INSERT INTO inbox (message_id, consumer)
        SELECT message_id, @Consumer FROM unnest(@MessageIds) AS message_id ORDER BY message_id
        ON CONFLICT (message_id, consumer) DO NOTHING
        RETURNING message_id
        """;

    public async Task Send(ConsumeContext<Batch<T>> context, IPipe<ConsumeContext<Batch<T>>> next)
    {
        var messageIds = context.Message.Select(message => message.MessageId
                ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a MessageId; the inbox cannot deduplicate it."))
            .Distinct().Order().ToArray();
        var consumer = InboxFilter<T>.ConsumerName(context);

        // A scope of its own per attempt, which the consumer is then resolved from: it shares the InboxTransaction.
        await using var scope = await scopes.GetScope(context);
        var dataSource = scope.GetService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);

        var recorded = (await connection.QueryAsync<Guid>(new CommandDefinition(RecordSql,
            new { MessageIds = messageIds, Consumer = consumer }, transaction, cancellationToken: context.CancellationToken))).ToHashSet();
        var duplicates = context.Message.Length - recorded.Count;
        if (duplicates > 0)
        {
            metrics.DuplicatesSkipped(consumer, duplicates);
            logger.LogInformation("{Duplicates} of a batch of {Count} {MessageType} were already consumed by {Consumer}; skipped",
                duplicates, context.Message.Length, typeof(T).Name, consumer);
        }

        if (recorded.Count > 0)
        {
            scope.GetService<InboxTransaction>().Begin(transaction, recorded);
            await next.Send(scope.Context);
        }
        await transaction.CommitAsync(context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox-batch");
}
