using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Health;
using Studios.ServiceDefaults.Messaging.Relay;

namespace Studios.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit over RabbitMQ from ConnectionStrings:messaging (an amqp:// URI), kebab-case endpoint
    /// names, every consumer found in the service assembly behind retries and the inbox; the outbox relay on a bus and
    /// broker connection of its own; the stall detector.</summary>
    public static IHostApplicationBuilder AddStudiosMessaging(
        this IHostApplicationBuilder builder, string serviceName, Assembly serviceAssembly)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
            .PostConfigure(options => options.ApplyDefaults());
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<ReceiveEndpoints>();
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddSingleton<BusActivity>();
        builder.Services.AddReceiveObserver(services => services.GetRequiredService<BusActivity>());
        builder.Services.AddSingleton<StalledEndpoints>();
        builder.Services.AddScoped<InboxTransaction>();
        // A receive endpoint that lost its connection restarts only once the consumer it had has stopped, which waits
        // for the deliveries in flight; bounded here, so one whose handler never returns cannot keep the endpoint down.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure<IOptions<MessagingOptions>>((host, messaging) =>
        {
            host.ConsumerStopTimeout = messaging.Value.ConsumerStopTimeout;
            host.StopTimeout = messaging.Value.StopTimeout;
        });

        builder.Services.AddMassTransit(bus =>
        {
            // Services consume some of the same events (PersonErased, StudioApproved) on one broker: without the
            // service's name in its queue names they would share a queue and each get only some of the messages.
            var endpointNames = new KebabCaseEndpointNameFormatter(serviceName.Replace('_', '-') + "-", includeNamespace: false);
            bus.SetEndpointNameFormatter(endpointNames);
            bus.AddConsumers(type => !BatchConsumers.IsBatchConsumer(type), serviceAssembly);
            var batchQueues = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (consumer, message) in BatchConsumers.In(serviceAssembly))
            {
                bus.AddConsumer(consumer, typeof(InboxBatchConsumerDefinition<,>).MakeGenericType(consumer, message));
                batchQueues.Add(BatchConsumers.QueueName(endpointNames, consumer));
            }
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Clear();
                health.Tags.Add(HealthEndpoints.ReadyTag);
            });
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                context.GetRequiredService<ReceiveEndpoints>().Add(queue);
                if (settings.QueueType == QueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                if (batchQueues.Contains(queue))
                {
                    // Retries and the inbox wrap each batch (InboxBatchConsumerDefinition); enough messages in hand to fill them.
                    var inHand = settings.BatchMessageLimit * BatchConsumers.BatchesAtOnce;
                    endpoint.PrefetchCount = inHand;
                    endpoint.ConcurrentMessageLimit = inHand;
                }
                else
                {
                    endpoint.PrefetchCount = settings.PrefetchCount;
                    endpoint.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                    // Outermost first; each attempt runs the inbox filter again with a fresh scope and transaction.
                    endpoint.UseMessageRetry(retry => ConsumerRetries.Transient(retry, settings));
                    endpoint.UseMessageRetry(retry => ConsumerRetries.Delayed(retry, settings));
                    endpoint.UseMessageRetry(retry => ConsumerRetries.Immediate(retry));
                    endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
                }

                // After the last retry: count and log, then MassTransit's own fault event and move to <queue>_error.
                var faulted = new FaultedMessageFilter(context.GetRequiredService<MessagingMetrics>(),
                    context.GetRequiredService<ILoggerFactory>().CreateLogger<FaultedMessageFilter>());
                endpoint.ConfigureError(error => error.UseFilter(faulted));
                endpoint.ConfigureDefaultErrorTransport();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = BrokerAddress.From(context.GetRequiredService<IConfiguration>());
                rabbit.Host(broker.HostUri, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    host.ConnectionName(serviceName);
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.AddOutboxRelay(serviceName);
        builder.Services.AddHealthChecks().AddCheck<StalledEndpoints>("stalled-endpoints", tags: [HealthEndpoints.LiveTag]);
        builder.Services.AddHostedService<StallDetector>();
        return builder;
    }

    /// <summary>The relay's own bus (publishing only, its own connection and publisher confirms) and its pieces.</summary>
    private static void AddOutboxRelay(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddMassTransit<IRelayBus>(bus =>
        {
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker-relay";
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Clear();
                health.Tags.Add(HealthEndpoints.ReadyTag);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = BrokerAddress.From(context.GetRequiredService<IConfiguration>());
                rabbit.Host(broker.HostUri, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    host.ConnectionName(serviceName + " relay");
                    host.PublisherConfirmation = true;
                });
            });
        });
        builder.Services.AddSingleton<OutboxClaims>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddSingleton<OutboxMarking>();
        builder.Services.AddSingleton<PublishWindow>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHostedService<OutboxListener>();
        builder.Services.AddHostedService<OutboxCleanup>();
    }
}
