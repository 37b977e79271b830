using Dapper;
using MassTransit;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests.Ledger.Consumers;

/// <summary>A batch consumer: applies the batch's new entries in one statement, in the inbox's transaction.</summary>
public sealed class EntryImportedConsumer(InboxTransaction inbox, LedgerProbe probe) : IConsumer<Batch<EntryImported>>
{
    public async Task Consume(ConsumeContext<Batch<EntryImported>> context)
    {
        var entries = inbox.NewMessages(context.Message);
        probe.BatchConsumed(context.Message.Length);
        if (entries.Any(entry => entry.Message.Note == LedgerProbe.Poison))
        {
            probe.ConsumingPoison();
            if (!probe.PoisonFixed)
            {
                throw new InvalidOperationException("A batch of entries holds poison.");
            }
        }
        await inbox.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO imported_effects (entry_id, message_id) SELECT * FROM unnest(@EntryIds, @MessageIds)",
            new
            {
                EntryIds = entries.Select(entry => entry.Message.EntryId).ToArray(),
                MessageIds = entries.Select(entry => entry.MessageId!.Value).ToArray(),
            }, inbox.Transaction, cancellationToken: context.CancellationToken));
    }
}
