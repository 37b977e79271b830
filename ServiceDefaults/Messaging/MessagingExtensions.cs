using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studios.ServiceDefaults.Health;

namespace Studios.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit over RabbitMQ from ConnectionStrings:messaging (an amqp:// URI), kebab-case endpoint
    /// names, and every consumer (with its definition) found in the service assembly.</summary>
    public static IHostApplicationBuilder AddStudiosMessaging(
        this IHostApplicationBuilder builder, string serviceName, Assembly serviceAssembly)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
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
        return builder;
    }
}
