using System.Collections.Concurrent;
using MassTransit;

namespace Studios.Testing;

/// <summary>A MassTransit bus on the environment's virtual host, standing in for the other services:
/// publishes their events and records what the service under test publishes.</summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private TestBus(IBusControl bus) => _bus = bus;

    public static async Task<TestBus> StartAsync(TestEnvironment environment)
    {
        var uri = environment.MessagingUri;
        var userInfo = uri.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri($"rabbitmq://{uri.Host}:{uri.Port}/{Uri.EscapeDataString(environment.VirtualHost)}"), host =>
            {
                host.Username(Uri.UnescapeDataString(userInfo[0]));
                host.Password(Uri.UnescapeDataString(userInfo[1]));
            });
        });
        await bus.StartAsync();
        return new TestBus(bus);
    }

    /// <summary>Publishes as another service would; give the same <paramref name="messageId"/> twice to simulate a redelivery.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>Starts recording every <typeparamref name="T"/> published from now on (its own temporary queue).</summary>
    public async Task<MessageLog<T>> ObserveAsync<T>() where T : class
    {
        var log = new MessageLog<T>();
        var handle = _bus.ConnectReceiveEndpoint($"test-observer-{typeof(T).Name}-{ShortId.New()}", endpoint =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.AutoDelete = true;
                rabbit.Durable = false;
            }
            endpoint.Handler<T>(context =>
            {
                log.Add(context.Message, context.MessageId);
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
        return log;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

/// <summary>Messages of one type seen on the broker, in arrival order.</summary>
public sealed class MessageLog<T> where T : class
{
    private readonly ConcurrentQueue<(T Message, Guid? MessageId)> _received = new();

    public IReadOnlyList<T> Messages => _received.Select(entry => entry.Message).ToList();

    public IReadOnlyList<Guid?> MessageIds => _received.Select(entry => entry.MessageId).ToList();

    internal void Add(T message, Guid? messageId) => _received.Enqueue((message, messageId));

    /// <summary>Waits until a message matching <paramref name="predicate"/> has arrived, and returns it.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        T? found = null;
        await Eventually.TrueAsync(() =>
        {
            found = Messages.FirstOrDefault(predicate);
            return found is not null;
        }, timeout ?? TimeSpan.FromSeconds(20), $"a {typeof(T).Name} matching the condition to be published");
        return found!;
    }
}
