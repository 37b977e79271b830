namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>A claimed outbox row: the message to publish, its id (the MessageId) and the span that enqueued it.</summary>
internal sealed record OutboxRow(Guid Id, string MessageType, string Body, string? TraceParent, string? TraceState);
