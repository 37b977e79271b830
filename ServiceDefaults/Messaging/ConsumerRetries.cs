using MassTransit;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The three retry policies around every consumer, outermost first; each attempt runs the inbox again with a
/// fresh transaction. Delays are in-process (the message stays unacknowledged meanwhile): RabbitMQ 3.10 here has no
/// delayed-message exchange, and a restart simply redelivers the message from the start.</summary>
internal static class ConsumerRetries
{
    /// <summary>Transient failures that outlast the immediate retries (the database restarting): ridden out.</summary>
    public static void Transient(IRetryConfigurator retry, MessagingOptions settings)
    {
        retry.Handle<NpgsqlException>(exception => exception.IsTransient);
        retry.Handle<TimeoutException>();
        retry.Intervals(settings.TransientRetries);
    }

    /// <summary>Every other failure: a few delayed attempts, then the _error queue.</summary>
    public static void Delayed(IRetryConfigurator retry, MessagingOptions settings)
    {
        retry.Ignore<NpgsqlException>(exception => exception.IsTransient);
        retry.Ignore<TimeoutException>();
        retry.Intervals(settings.DelayedRetries);
    }

    /// <summary>A transient failure is first tried again at once, three times (a dropped connection, a serialization failure).</summary>
    public static void Immediate(IRetryConfigurator retry)
    {
        retry.Handle<NpgsqlException>(exception => exception.IsTransient);
        retry.Handle<TimeoutException>();
        retry.Immediate(3);
    }
}
