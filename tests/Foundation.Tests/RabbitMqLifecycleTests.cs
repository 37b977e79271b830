using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;
using Studios.Launchers;
using Studios.Testing;

namespace Studios.Foundation.Tests;

/// <summary>A broker of this class's own, stopped, restarted and killed in turn (booting one takes seconds).</summary>
public sealed class RabbitMqLifecycleTests(RabbitMqLifecycleTests.OwnBroker own) : IClassFixture<RabbitMqLifecycleTests.OwnBroker>
{
    public sealed class OwnBroker : IAsyncLifetime
    {
        public RabbitMqServer Server { get; private set; } = null!;
        public async Task InitializeAsync() => Server = await TestServers.StartRabbitMqAsync();
        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private RabbitMqServer Broker => own.Server;

    [Fact]
    public async Task Stop_leaves_no_process_and_restart_keeps_queues_messages_and_credentials()
    {
        var queue = $"kept-{Guid.NewGuid():N}";
        await PublishPersistentAsync(Broker, queue, "survives a restart", quorum: true);
        var processes = ProcessChecks.RabbitMqNode(Broker.NodeName);
        Assert.NotEmpty(processes);

        await Broker.StopAsync();

        Assert.Null(Broker.ProcessId);
        Assert.Empty(ProcessChecks.RabbitMqNode(Broker.NodeName));
        Assert.False(ProcessChecks.AnyAlive(processes));

        await Broker.RestartAsync();

        Assert.Equal("survives a restart", await GetAsync(Broker, queue));
    }

    [Fact]
    public async Task Killed_broker_starts_again_with_its_durable_messages()
    {
        var queue = $"crash-{Guid.NewGuid():N}";
        // Classic queue: RabbitMQ 3.10 keeps a new quorum queue's registration in memory for a few seconds,
        // so one declared just before a kill -9 comes back without a leader. That is the broker, not the launcher.
        await PublishPersistentAsync(Broker, queue, "confirmed before the crash", quorum: false);
        // The message is on disk once confirmed, but the queue's declaration goes through Mnesia's log, which its
        // disk_log writes with a delay of up to 2 s: a kill -9 sooner than that can lose the queue itself (seen here).
        await Task.Delay(TimeSpan.FromSeconds(3));
        var beam = Broker.ProcessId;
        Assert.NotNull(beam);

        await Broker.KillAsync();

        Assert.False(ProcessChecks.AnyAlive([beam.Value]));
        await Broker.RestartAsync();
        Assert.Equal("confirmed before the crash", await GetAsync(Broker, queue));
    }

    [Fact]
    public async Task Virtual_hosts_are_created_with_permissions_and_deleted_with_their_queues()
    {
        const string vhost = "a/b c";
        await Broker.CreateVirtualHostAsync(vhost);
        var factory = new ConnectionFactory { Uri = Broker.AmqpUri(vhost) };
        Assert.Equal(vhost, factory.VirtualHost);
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
            await channel.QueueDeclareAsync("q", durable: true, exclusive: false, autoDelete: false);

        await Broker.DeleteVirtualHostAsync(vhost);
        await Broker.DeleteVirtualHostAsync(vhost);
        await Broker.CreateVirtualHostAsync(vhost);

        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var error = await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
                () => channel.QueueDeclarePassiveAsync("q"));
            Assert.Contains("NOT_FOUND", error.Message);
        }
        await Broker.DeleteVirtualHostAsync(vhost);
    }

    private static async Task PublishPersistentAsync(RabbitMqServer broker, string queue, string text, bool quorum)
    {
        var factory = new ConnectionFactory { Uri = broker.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = quorum ? "quorum" : "classic" });
        // With confirms on, this returns once the broker has the message on disk.
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = true },
            System.Text.Encoding.UTF8.GetBytes(text));
    }

    private static async Task<string?> GetAsync(RabbitMqServer broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker.AmqpUri() };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        BasicGetResult? message = null;
        // A quorum queue may need a moment after boot to elect its (only) leader.
        await Eventually.TrueAsync(async () => (message = await channel.BasicGetAsync(queue, autoAck: true)) is not null,
            TimeSpan.FromSeconds(30), $"queue {queue} should still hold its message");
        return System.Text.Encoding.UTF8.GetString(message!.Body.Span);
    }
}

/// <summary>Starting brokers that fail, or that replace a crashed run's broker.</summary>
public sealed class RabbitMqStartTests
{
    [Fact]
    public async Task A_broker_left_running_by_a_crashed_run_is_stopped_and_replaced()
    {
        var options = new RabbitMqOptions(TestServers.NewDataDirectory("rabbitmq"), FreePort.Next(), FreePort.Next(), FreePort.Next(),
            $"crashed-{Guid.NewGuid():N}"[..16]);
        var forgotten = await RabbitMqServer.StartAsync(options);
        var leftOver = forgotten.ProcessId!.Value;

        await using var server = await RabbitMqServer.StartAsync(options with { DeleteDataOnDispose = true });

        Assert.False(ProcessChecks.AnyAlive([leftOver]));
        Assert.NotEqual(leftOver, server.ProcessId);
        Assert.Equal(forgotten.Password, server.Password);
        await using var connection = await new ConnectionFactory { Uri = server.AmqpUri() }.CreateConnectionAsync();
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task A_taken_port_is_named_in_the_error()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<LauncherException>(() => RabbitMqServer.StartAsync(
            new RabbitMqOptions(TestServers.NewDataDirectory("rabbitmq"), port, FreePort.Next(), FreePort.Next(), "taken")));

        Assert.Equal(port, error.Port);
        Assert.Equal("RabbitMQ AMQP", error.Purpose);
        Assert.Contains(port.ToString(), error.Message);
    }

    [Fact]
    public async Task A_missing_server_names_the_package_to_install()
    {
        var error = await Assert.ThrowsAsync<LauncherException>(() => RabbitMqServer.StartAsync(
            new RabbitMqOptions(TestServers.NewDataDirectory("rabbitmq"), FreePort.Next(), FreePort.Next(), FreePort.Next(), "missing")
            {
                ServerExecutable = "/nonexistent/rabbitmq-server",
            }));

        Assert.Contains("apt-get install rabbitmq-server", error.Message);
    }
}
