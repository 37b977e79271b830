using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>Publishing: one row through the relay's own bus (its own broker connection, see <see cref="IRelayBus"/>),
/// with a publisher confirm and the row id as MessageId, as a child of the span that enqueued it.</summary>
internal sealed class OutboxPublisher(IRelayBus bus)
{
    /// <summary>A publish not confirmed within this time counts as failed; its row is retried later.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Publishes <paramref name="row"/>; returns null once the broker confirmed it, else why not.</summary>
    public async Task<string?> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = StudiosTelemetry.Messaging.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var type = MessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");
            // WaitAsync: the window slot must come back within the timeout even if a publish were to ignore its token.
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token).WaitAsync(timeout.Token);
            return null;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            return exception is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"Not confirmed by the broker within {Timeout.TotalSeconds:0} s"
                : $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}
