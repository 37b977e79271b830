using Dapper;
using MassTransit;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Benchmarks.Messaging;

/// <summary>The pipeline's consumer: a batch consumer, as a service would write one for a high-volume event. Its own
/// write covers the batch's new messages, in the inbox's transaction.</summary>
public sealed class BenchEventConsumer(InboxTransaction inbox) : IConsumer<Batch<BenchEventHappened>>
{
    public Task Consume(ConsumeContext<Batch<BenchEventHappened>> context) =>
        inbox.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO bench_effects (event_id) SELECT unnest(@EventIds)",
            new { EventIds = inbox.NewMessages(context.Message).Select(message => message.Message.EventId).ToArray() },
            inbox.Transaction, cancellationToken: context.CancellationToken));
}
