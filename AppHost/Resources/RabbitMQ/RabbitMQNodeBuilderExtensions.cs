using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studios.AppHost.Local;
using Studios.Launchers;

namespace Studios.AppHost.Resources;

public static class RabbitMQNodeBuilderExtensions
{
    private const string ServerUser = "rabbitmq";

    /// <summary>
    /// A RabbitMQ node from Debian's <c>rabbitmq-server</c> as an executable resource (where a container runtime exists,
    /// Aspire's <c>AddRabbitMQ(name).WithManagementPlugin()</c> takes its place). Ports <c>Ports:RabbitMq</c>,
    /// <c>Ports:RabbitMqManagement</c>, <c>Ports:RabbitMqDistribution</c> and <c>Ports:Epmd</c>; data under
    /// <c>.data/rabbitmq/&lt;name&gt;</c>; its generated password is the secret parameter <c>&lt;name&gt;-password</c>.
    /// </summary>
    public static IResourceBuilder<RabbitMQNodeResource> AddRabbitMQNode(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var run = LocalRun.Of(builder);
        var executable = builder.Configuration["RabbitMq:ServerExecutable"] ?? "/usr/lib/rabbitmq/bin/rabbitmq-server";
        var dataDirectory = run.Data.PathOf("rabbitmq", name);
        var password = builder.AddParameter($"{name}-password", () => run.Data.Secret($"{name}-password"), secret: true);

        var (command, runAs) = ServiceUser.Run(ServerUser, executable);
        var node = new RabbitMQNodeResource(name, command, dataDirectory, password.Resource);
        var (amqpPort, managementPort) = (run.Ports.Fixed("RabbitMq"), run.Ports.Fixed("RabbitMqManagement"));
        var distributionPort = run.Ports.Fixed("RabbitMqDistribution");
        var epmdPort = run.Ports.Fixed("Epmd");

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(node, async (_, ct) =>
        {
            RequireInstalled(executable);
            // A crashed earlier run may have left a node (and its epmd) on this data: they hold our ports and files.
            await RabbitMqServer.StopLeftOverAsync(dataDirectory, ct: ct);
            await WriteConfigurationAsync(dataDirectory, amqpPort, managementPort, await password.Resource.GetValueAsync(ct) ?? "", ct);
            await DataFolder.GiveToAsync(ServerUser, dataDirectory, ct);
        });
        // The node starts the Erlang port mapper (epmd) it needs as a daemon on its own port (Ports:Epmd); it goes with the node.
        builder.Eventing.Subscribe<ResourceStoppedEvent>(node, (_, ct) => RabbitMqServer.StopLeftOverAsync(dataDirectory, ct: ct));
        builder.Services.AddHostedService(services => new StopWithTheAppHost(
            services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(), () => RabbitMqServer.StopLeftOverAsync(dataDirectory)));

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new RabbitMQNodeHealthCheck(node), null, null));

        return builder.AddResource(node)
            .WithArgs(runAs)
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, name: RabbitMQNodeResource.PrimaryEndpointName, isProxied: false)
            .WithHttpEndpoint(port: managementPort, targetPort: managementPort, name: RabbitMQNodeResource.ManagementEndpointName, isProxied: false)
            .WithLoopbackEndpoints()
            .WithEnvironment(context =>
            {
                var root = dataDirectory;
                context.EnvironmentVariables["HOME"] = $"{root}/home";
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = $"{root}/mnesia";
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = $"{root}/log";
                // The node's log goes to its console, which the dashboard shows.
                context.EnvironmentVariables["RABBITMQ_LOGS"] = "-";
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = node.NodeName;
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = amqpPort.ToString();
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = distributionPort.ToString();
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = $"{root}/enabled_plugins";
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = $"{root}/rabbitmq.conf";
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["ERL_EPMD_PORT"] = epmdPort.ToString();
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("Mailbox");
    }

    private static async Task WriteConfigurationAsync(string root, int amqpPort, int managementPort, string password, CancellationToken ct)
    {
        foreach (var folder in new[] { "home", "mnesia", "log" }) Directory.CreateDirectory(Path.Combine(root, folder));
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{amqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            default_user = {RabbitMQNodeResource.UserName}
            default_pass = {password}
            loopback_users = none
            """ + "\n", ct);
    }

    private static void RequireInstalled(string executable)
    {
        if (!File.Exists(executable))
            throw new LocalSetupException(
                $"RabbitMQ ('{executable}' not found): apt-get install rabbitmq-server (./studios run installs it), " +
                "or point --RabbitMq:ServerExecutable at it.");
    }
}
