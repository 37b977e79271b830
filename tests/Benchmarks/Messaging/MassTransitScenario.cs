using System.Diagnostics;
using MassTransit;

namespace Studios.Benchmarks.Messaging;

/// <summary>Plain MassTransit: publish with confirms, consume with the same prefetch and concurrency as the pipeline,
/// no database anywhere.</summary>
internal static class MassTransitScenario
{
    public static async Task<ScenarioResult> RunAsync(Uri broker, BenchSettings settings)
    {
        var userInfo = broker.UserInfo.Split(':', 2);
        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri($"rabbitmq://{broker.Host}:{broker.Port}/"), host =>
            {
                host.Username(Uri.UnescapeDataString(userInfo[0]));
                host.Password(Uri.UnescapeDataString(userInfo[1]));
                host.PublisherConfirmation = true;
            });
            rabbit.ReceiveEndpoint("bench-masstransit", endpoint =>
            {
                endpoint.PrefetchCount = settings.Prefetch;
                endpoint.ConcurrentMessageLimit = settings.Concurrency;
                endpoint.Handler<BenchEventHappened>(_ =>
                {
                    if (Interlocked.Increment(ref received) == settings.Events) allReceived.TrySetResult();
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            for (var sent = 0; sent < settings.Events; sent += settings.PublishWindow)
            {
                var window = Math.Min(settings.PublishWindow, settings.Events - sent);
                await Task.WhenAll(Enumerable.Range(0, window).Select(_ => bus.Publish(Payload.Next())));
            }
            await allReceived.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return new ScenarioResult("plain MassTransit publish + consume", settings.Events, clock.Elapsed);
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
