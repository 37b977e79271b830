using Dapper;
using MassTransit;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Records (message id, consumer) in the inbox inside the transaction the consumer then uses.
/// A message already recorded is acknowledged without running the consumer again.</summary>
internal sealed class InboxFilter<T>(
    NpgsqlDataSource dataSource, InboxTransaction inbox, MessagingMetrics metrics, ILogger<InboxFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    private const string RecordSql = """
        INSERT INTO inbox (message_id, consumer) VALUES (@MessageId, @Consumer)
        ON CONFLICT (message_id, consumer) DO NOTHING
        """;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        var consumer = ConsumerName(context);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);

        // A concurrent duplicate blocks here on the primary key until the first commits, then inserts nothing.
        var recorded = await connection.ExecuteAsync(new CommandDefinition(RecordSql,
            new { MessageId = messageId, Consumer = consumer }, transaction, cancellationToken: context.CancellationToken));
        if (recorded == 0)
        {
            metrics.DuplicatesSkipped(consumer, 1);
            logger.LogInformation("Message {MessageId} ({MessageType}) was already consumed by {Consumer}; skipped",
                messageId, typeof(T).Name, consumer);
            // Marks it delivered, so MassTransit acknowledges it instead of moving it to _skipped.
            await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
            return;
        }

        inbox.Begin(transaction);
        await next.Send(context);
        await transaction.CommitAsync(context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    // One consumer per receive endpoint (ConfigureEndpoints), so the queue names the consumer.
    internal static string ConsumerName(ConsumeContext context) =>
        context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
        ?? typeof(T).Name;
}
