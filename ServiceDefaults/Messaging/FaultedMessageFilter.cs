using System.Diagnostics;
using MassTransit;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>The first filter of each endpoint's error pipe, which MassTransit runs once a message has failed its last
/// retry, just before moving it to the _error queue: counts it and logs it with its message id and trace id.
/// Intermediate retry attempts never reach this pipe.</summary>
internal sealed class FaultedMessageFilter(MessagingMetrics metrics, ILogger logger) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var consumed = context.TryGetPayload(out ConsumeContext? consumeContext);
        var messageId = consumed ? consumeContext!.MessageId : context.GetMessageId();
        var messageType = consumed ? consumeContext!.SupportedMessageTypes.FirstOrDefault() : null;
        var queue = context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        // The receive span is still current here: its trace is the one the message carried.
        var traceId = Activity.Current?.TraceId.ToHexString();

        metrics.Faulted(messageType ?? "unknown", queue);
        logger.LogError(context.Exception,
            "Message {MessageId} ({MessageType}) failed its last retry on {Queue} and moves to {ErrorQueue}; trace {TraceId}",
            messageId, messageType, queue, queue + ErrorQueues.Suffix, traceId);

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("studios-faulted");
}
