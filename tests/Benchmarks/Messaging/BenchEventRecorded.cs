using MassTransit;

namespace Studios.Benchmarks.Messaging;

/// <summary>The same event as <see cref="BenchEventHappened"/>, for the pipeline's one-message-per-consume consumer.</summary>
[MessageUrn("studios:benchmarks:bench-event-recorded:v1")]
public sealed record BenchEventRecorded(Guid EventId, Guid StudioId, string Name, DateTimeOffset OccurredAt);
