using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studios.Launchers;
using Studios.ServiceDefaults.Messaging;
using Studios.Testing;

namespace Studios.Deployment.Tests;

/// <summary>Messaging:QueueType on a real broker: classic by default (one local node), quorum when production sets it.</summary>
public sealed class QueueTypeTests(QueueTypeTests.Broker broker) : IClassFixture<QueueTypeTests.Broker>
{
    [Theory]
    [InlineData(null, "classic")]
    [InlineData("classic", "classic")]
    [InlineData("quorum", "quorum")]
    [InlineData("Quorum", "quorum")]
    public async Task Receive_endpoints_declare_their_queues_with_the_configured_type(string? setting, string expected)
    {
        var vhost = $"queue-type-{Guid.NewGuid():N}";
        await broker.RabbitMq.CreateVirtualHostAsync(vhost);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = broker.RabbitMq.ConnectionString(vhost),
            ["Messaging:QueueType"] = setting,
        });
        builder.AddStudiosMessaging("queue-type-test", typeof(QueueTypeProbeConsumer).Assembly);
        using var host = builder.Build();

        // Only the bus: the outbox relay (a hosted service) would want a database.
        var bus = host.Services.GetRequiredService<IBusControl>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        try
        {
            Assert.Equal(expected, await QueueTypeAsync(vhost, "queue-type-probe", timeout.Token));
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await broker.RabbitMq.DeleteVirtualHostAsync(vhost);
        }
    }

    /// <summary>The type of the one queue whose name ends with <paramref name="suffix"/> (the service name prefixes it).</summary>
    private async Task<string> QueueTypeAsync(string vhost, string suffix, CancellationToken ct)
    {
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{broker.RabbitMq.ManagementPort}/api/") };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.RabbitMq.UserName}:{broker.RabbitMq.Password}")));
        while (true)
        {
            var queues = await management.GetFromJsonAsync<JsonElement>($"queues/{Uri.EscapeDataString(vhost)}", ct);
            var probe = queues.EnumerateArray().Where(q => q.GetProperty("name").GetString()!.EndsWith(suffix, StringComparison.Ordinal)).ToList();
            if (probe.Count == 1) return probe[0].GetProperty("type").GetString()!;
            await Task.Delay(200, ct);
        }
    }

    public sealed class Broker : IAsyncLifetime
    {
        public RabbitMqServer RabbitMq { get; private set; } = null!;

        public async Task InitializeAsync() => RabbitMq = await TestServers.StartRabbitMqAsync();

        public async Task DisposeAsync() => await RabbitMq.DisposeAsync();
    }
}

public sealed record QueueTypeProbed(Guid Id);

/// <summary>The one consumer in this assembly, so AddStudiosMessaging declares one receive endpoint: queue-type-probe.</summary>
public sealed class QueueTypeProbeConsumer : IConsumer<QueueTypeProbed>
{
    public Task Consume(ConsumeContext<QueueTypeProbed> context) => Task.CompletedTask;
}
