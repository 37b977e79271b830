using MassTransit;

namespace Studios.Benchmarks.Messaging;

/// <summary>What every scenario sends: ids and a timestamp, the size of a typical Studios event.</summary>
[MessageUrn("studios:benchmarks:bench-event-happened:v1")]
public sealed record BenchEventHappened(Guid EventId, Guid StudioId, string Name, DateTimeOffset OccurredAt);
