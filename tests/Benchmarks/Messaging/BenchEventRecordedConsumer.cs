using Dapper;
using MassTransit;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Benchmarks.Messaging;

/// <summary>The pipeline's per-message consumer, as most service consumers are written: one message, one transaction.</summary>
public sealed class BenchEventRecordedConsumer(InboxTransaction inbox) : IConsumer<BenchEventRecorded>
{
    public Task Consume(ConsumeContext<BenchEventRecorded> context) =>
        inbox.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO bench_effects (event_id) VALUES (@EventId)",
            new { context.Message.EventId }, inbox.Transaction, cancellationToken: context.CancellationToken));
}
