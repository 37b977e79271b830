using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Studios.Benchmarks.Messaging;

/// <summary>The baseline: RabbitMQ.Client 7 alone. Persistent messages to a durable queue, awaited publisher confirms
/// (a window in flight at once), one consumer with manual acks and the same prefetch as the others.</summary>
internal static class RawRabbitScenario
{
    private const string Queue = "bench-raw";

    public static async Task<ScenarioResult> RunAsync(Uri broker, BenchSettings settings)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "bench-raw" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var consuming = await connection.CreateChannelAsync();
        await consuming.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await consuming.QueuePurgeAsync(Queue);
        await consuming.BasicQosAsync(0, (ushort)settings.Prefetch, global: false);

        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            JsonSerializer.Deserialize<BenchEventHappened>(delivery.Body.Span);
            await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == settings.Events) allReceived.TrySetResult();
        };
        await consuming.BasicConsumeAsync(Queue, autoAck: false, consumer);

        await using var publishing = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };

        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < settings.Events; sent += settings.PublishWindow)
        {
            var window = Math.Min(settings.PublishWindow, settings.Events - sent);
            await Task.WhenAll(Enumerable.Range(0, window).Select(_ => publishing.BasicPublishAsync("", Queue, mandatory: true, properties,
                JsonSerializer.SerializeToUtf8Bytes(Payload.Next())).AsTask()));
        }
        await allReceived.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return new ScenarioResult("raw RabbitMQ.Client 7 (baseline)", settings.Events, clock.Elapsed);
    }
}
