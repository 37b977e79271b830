using Dapper;
using MassTransit;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Benchmarks.Messaging;

/// <summary>The pipeline's consumer: its own write, in the inbox's transaction.</summary>
public sealed class BenchEventConsumer(InboxTransaction inbox) : IConsumer<BenchEventHappened>
{
    public Task Consume(ConsumeContext<BenchEventHappened> context) =>
        inbox.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO bench_effects (event_id) VALUES (@EventId)",
            new { context.Message.EventId }, inbox.Transaction, cancellationToken: context.CancellationToken));
}
