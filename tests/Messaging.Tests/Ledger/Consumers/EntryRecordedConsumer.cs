using Dapper;
using MassTransit;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests.Ledger.Consumers;

/// <summary>Applies an entry once: one effects row, written in the inbox's transaction.</summary>
public sealed class EntryRecordedConsumer(InboxTransaction inbox, LedgerProbe probe) : IConsumer<EntryRecorded>
{
    public async Task Consume(ConsumeContext<EntryRecorded> context)
    {
        if (context.Message.Note == LedgerProbe.Poison)
        {
            probe.ConsumingPoison();
            if (!probe.PoisonFixed)
            {
                throw new InvalidOperationException($"Entry {context.Message.EntryId} is poison.");
            }
        }
        if (context.Message.Note == LedgerProbe.Hang)
        {
            await probe.HangAsync(); // on purpose without the cancellation token
        }
        await inbox.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO effects (entry_id, message_id) VALUES (@EntryId, @MessageId)",
            new { context.Message.EntryId, context.MessageId }, inbox.Transaction, cancellationToken: context.CancellationToken));
        if (probe.ConsumeDelay > TimeSpan.Zero)
        {
            await Task.Delay(probe.ConsumeDelay, context.CancellationToken);
        }
    }
}
