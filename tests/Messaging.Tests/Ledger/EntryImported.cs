using MassTransit;

namespace Studios.Messaging.Tests.Ledger;

/// <summary>Ledger imported an entry (in bulk, so a batch consumer applies them). A Note of "poison" makes the consumer
/// fail until the probe says it is fixed.</summary>
[MessageUrn("studios:ledger:entry-imported:v1")]
public sealed record EntryImported(Guid EntryId, string? Note, DateTimeOffset OccurredAt);
