using MassTransit;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>The bus the outbox relay publishes through: a second MassTransit bus with a broker connection of its own,
/// so publishing never shares a connection with the consumers. A crash's shutdown of the consumers' connection cannot
/// wait behind the relay's publishes, and a broker that blocks publishers (a memory or disk alarm) blocks this
/// connection only, while the consumers go on consuming.</summary>
public interface IRelayBus : IBus;
