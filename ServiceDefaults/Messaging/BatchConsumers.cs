using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using MassTransit.RetryPolicies;
using Microsoft.Extensions.Options;

namespace Studios.ServiceDefaults.Messaging;

/// <summary>Consumers of <c>Batch&lt;T&gt;</c> in a service assembly. MassTransit collects their messages into batches;
/// the retries and the inbox then wrap a whole batch (one transaction, one inbox statement) instead of each message,
/// which is what makes a high-volume consumer cheap. A message that keeps failing takes its batch to _error with it.</summary>
internal static class BatchConsumers
{
    /// <summary>Batches one batch consumer's endpoint consumes at once; its prefetch is this many full batches.</summary>
    public const int BatchesAtOnce = 4;

    /// <summary>Each batch consumer in <paramref name="assembly"/> with the message type it batches.</summary>
    public static IReadOnlyList<(Type Consumer, Type Message)> In(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           where type is { IsClass: true, IsAbstract: false }
           from contract in type.GetInterfaces()
           where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)
           let consumed = contract.GetGenericArguments()[0]
           where consumed.IsGenericType && consumed.GetGenericTypeDefinition() == typeof(Batch<>)
           select (type, consumed.GetGenericArguments()[0]),
    ];

    public static bool IsBatchConsumer(Type type) =>
        type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)
            && contract.GetGenericArguments()[0] is { IsGenericType: true } consumed && consumed.GetGenericTypeDefinition() == typeof(Batch<>));

    /// <summary>The queue MassTransit names for the consumer (its definition sets no name of its own).</summary>
    public static string QueueName(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
            .MakeGenericMethod(consumer).Invoke(formatter, null)!;
}

/// <summary>How every batch consumer is configured: batch size and wait from <see cref="MessagingOptions"/>, then
/// the same retries as a single-message consumer around the batch's inbox.</summary>
internal sealed class InboxBatchConsumerDefinition<TConsumer, TMessage> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<Batch<TMessage>>
    where TMessage : class
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(settings.BatchMessageLimit)
            .SetTimeLimit(settings.BatchTimeLimit)
            .SetConcurrencyLimit(BatchConsumers.BatchesAtOnce));
        var inbox = new InboxBatchFilter<TMessage>(new ConsumeScopeProvider(context), context.GetRequiredService<MessagingMetrics>(),
            context.GetRequiredService<ILoggerFactory>().CreateLogger<InboxBatchFilter<TMessage>>());
        // In this order on the batch's own pipe (outermost first), the inbox inside every retry.
        consumerConfigurator.Message<Batch<TMessage>>(batch =>
        {
            UseMessageRetry(batch, retry => ConsumerRetries.Transient(retry, settings));
            UseMessageRetry(batch, retry => ConsumerRetries.Delayed(retry, settings));
            UseMessageRetry(batch, retry => ConsumerRetries.Immediate(retry));
            batch.UseFilter(inbox);
        });
    }

    // What MassTransit's consumer-level UseMessageRetry adds for a batch, placed by hand: added through the consumer
    // configurator, MassTransit decides its position relative to the inbox filter itself.
    private static void UseMessageRetry(IPipeConfigurator<ConsumeContext<Batch<TMessage>>> batch, Action<IRetryConfigurator> configure)
    {
        var retry = new ConsumeContextRetryPipeSpecification<ConsumeContext<Batch<TMessage>>, RetryConsumeContext<Batch<TMessage>>>(
            (context, policy, retryContext) => new RetryConsumeContext<Batch<TMessage>>(context, policy, retryContext), CancellationToken.None);
        configure(retry);
        batch.AddPipeSpecification(retry);
    }
}
