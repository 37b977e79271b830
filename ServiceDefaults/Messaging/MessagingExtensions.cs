using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Studios.ServiceDefaults.Health;

namespace Studios.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit over RabbitMQ from ConnectionStrings:messaging (an amqp:// URI), kebab-case endpoint
    /// names, every consumer found in the service assembly behind retries and the inbox, and the outbox relay.</summary>
    public static IHostApplicationBuilder AddStudiosMessaging(
        this IHostApplicationBuilder builder, string serviceName, Assembly serviceAssembly)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddScoped<InboxTransaction>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumers(serviceAssembly);
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
                health.Tags.Clear();
                health.Tags.Add(HealthEndpoints.ReadyTag);
            });
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                endpoint.PrefetchCount = settings.PrefetchCount;
                if (settings.QueueType == QueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
                endpoint.ConcurrentMessageLimit = settings.ConcurrentMessageLimit;
                // Outermost first: each retry attempt runs the inbox filter with a fresh transaction.
                endpoint.UseMessageRetry(retry => retry.Intervals(settings.DelayedRetries));
                endpoint.UseMessageRetry(retry =>
                {
                    retry.Handle<NpgsqlException>(exception => exception.IsTransient);
                    retry.Handle<TimeoutException>();
                    retry.Immediate(settings.ImmediateRetries);
                });
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
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
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
