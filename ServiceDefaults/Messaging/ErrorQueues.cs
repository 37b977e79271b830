using System.Text;
using RabbitMQ.Client;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Reads and requeues the messages MassTransit moved to this service's _error queues, over plain AMQP
/// (basic.get, then a confirmed publish back to the source queue before the ack): the service needs no management API.</summary>
public sealed class ErrorQueues(IConfiguration configuration, ReceiveEndpoints endpoints, IHostEnvironment environment)
{
    public const string Suffix = "_error";
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";
    private const string ActivityHeader = "MT-Activity-Id";

    /// <summary>Each error queue of this service with up to <paramref name="limit"/> of its messages, oldest first.
    /// The messages are looked at, not taken: they stay in the queue in their order.</summary>
    public async Task<IReadOnlyList<ErrorQueue>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var queues = new List<ErrorQueue>();
        foreach (var source in endpoints.Queues)
        {
            var name = source + Suffix;
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var count = await CountAsync(channel, name, cancellationToken);
            var messages = new List<ErrorMessage>();
            ulong lastTag = 0;
            while (messages.Count < Math.Min(limit, count)
                   && await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is { } delivery)
            {
                messages.Add(Describe(delivery));
                lastTag = delivery.DeliveryTag;
            }
            if (lastTag > 0)
            {
                await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
            }
            queues.Add(new ErrorQueue(name, source, count, messages));
        }
        return queues;
    }

    /// <summary>Moves up to <paramref name="limit"/> messages (at most those there now) from <paramref name="errorQueue"/>
    /// back to the queue they failed on. Null when it is not one of this service's error queues.</summary>
    public async Task<RequeueResult?> RequeueAsync(string errorQueue, int limit, CancellationToken cancellationToken)
    {
        if (!endpoints.TryGetSourceQueue(errorQueue, out var source))
        {
            return null;
        }
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Counted first: a message that fails again lands behind these and is not picked up twice.
        var count = Math.Min(limit, await CountAsync(channel, errorQueue, cancellationToken));
        var moved = 0;
        while (moved < count && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            // Confirmed on the source queue before the ack: a crash in between duplicates it (the inbox absorbs that), never loses it.
            await channel.BasicPublishAsync(exchange: "", routingKey: source, mandatory: true,
                WithoutFault(delivery.BasicProperties), delivery.Body.ToArray(), cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return new RequeueResult(errorQueue, source, moved);
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        BrokerAddress.ConnectAsync(configuration, $"{environment.ApplicationName} operations", cancellationToken);

    /// <summary>Messages in the queue; 0 when MassTransit has not created it yet (nothing ever faulted there).</summary>
    private static async Task<int> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken) =>
        (int)(await BrokerAddress.ReadyMessagesAsync(channel, queue, cancellationToken) ?? 0);

    private static ErrorMessage Describe(BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? Text(value) : null;
        var activity = Header(ActivityHeader);
        return new ErrorMessage(
            Guid.TryParse(delivery.BasicProperties.MessageId, out var id) ? id : null,
            delivery.BasicProperties.Type ?? Header(FaultHeaderPrefix + "MessageType"),
            Header(FaultHeaderPrefix + "ExceptionType"),
            Header(FaultHeaderPrefix + "Message"),
            Header(FaultHeaderPrefix + "ConsumerType"),
            DateTimeOffset.TryParse(Header(FaultHeaderPrefix + "Timestamp"), out var at) ? at : null,
            activity?.Split('-') is [_, var traceId, _, _] ? traceId : null);
    }

    private static BasicProperties WithoutFault(IReadOnlyBasicProperties original) => new()
    {
        MessageId = original.MessageId,
        CorrelationId = original.CorrelationId,
        ContentType = original.ContentType,
        ContentEncoding = original.ContentEncoding,
        Type = original.Type,
        Timestamp = original.Timestamp,
        DeliveryMode = DeliveryModes.Persistent,
        Headers = original.Headers?
            .Where(header => !header.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && header.Key != ReasonHeader)
            .ToDictionary(header => header.Key, header => header.Value),
    };

    private static string? Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => value.ToString(),
    };
}

public sealed record ErrorQueue(string Queue, string SourceQueue, int MessageCount, IReadOnlyList<ErrorMessage> Messages);

public sealed record ErrorMessage(
    Guid? MessageId, string? MessageType, string? ExceptionType, string? Reason, string? ConsumerType, DateTimeOffset? FaultedAt,
    string? TraceId);

public sealed record RequeueResult(string Queue, string RequeuedTo, int Requeued);
