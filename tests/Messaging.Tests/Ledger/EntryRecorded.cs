using MassTransit;

namespace Studios.Messaging.Tests.Ledger;

/// <summary>Ledger recorded an entry. A Note of "poison" makes the consumer fail until the probe says it is fixed;
/// "hang" makes it wait until the probe releases it.</summary>
[MessageUrn("studios:ledger:entry-recorded:v1")]
public sealed record EntryRecorded(Guid EntryId, string? Note, DateTimeOffset OccurredAt);
