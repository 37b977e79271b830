using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Studios.ServiceDefaults;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Benchmarks.Messaging;

/// <summary>The full pipeline as a service runs it: a state change and its event enqueued in one transaction, the
/// relay publishing with confirms, MassTransit consuming through the inbox, the consumer's own write.</summary>
internal sealed class PipelineScenario : IAsyncDisposable, IReceiveObserver
{
    private const string Database = "bench";
    private const int Writers = 8;

    private readonly IHost _host;
    private readonly ConcurrentDictionary<Guid, long> _enqueuedAt = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private int _applied;

    private PipelineScenario(IHost host) => _host = host;

    public static async Task<PipelineScenario> StartAsync(string database, string messaging, BenchSettings settings,
        IDictionary<string, string?> tuning)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(PipelineScenario).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });
        var values = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database}"] = database,
            ["ConnectionStrings:messaging"] = messaging,
            ["Messaging:PrefetchCount"] = settings.Prefetch.ToString(),
            ["Messaging:ConcurrentMessageLimit"] = settings.Concurrency.ToString(),
        };
        foreach (var (key, value) in tuning) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults(Database, typeof(BenchEventConsumer).Assembly);
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var scenario = new PipelineScenario(builder.Build());
        scenario._host.Services.GetRequiredService<IBus>().ConnectReceiveObserver(scenario);
        await scenario._host.StartAsync();
        return scenario;
    }

    /// <summary>As fast as it goes: <see cref="Writers"/> writers, each committing state rows and their events in batches,
    /// consumed by the batch consumer or, with <paramref name="perMessage"/>, by the one-message-per-consume one.</summary>
    public async Task<ScenarioResult> MaximumAsync(int events, int perTransaction, bool perMessage = false)
    {
        var start = Volatile.Read(ref _applied);
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Environment.GetEnvironmentVariable("BENCH_SAMPLE") == "1" ? SampleAsync(sampling.Token) : Task.CompletedTask;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            while (true)
            {
                var first = Interlocked.Add(ref next, perTransaction) - perTransaction;
                if (first >= events) return;
                await EnqueueAsync(Math.Min(perTransaction, events - first), recordLatency: false, perMessage);
            }
        }));
        Console.WriteLine($"enqueued {events} in {clock.Elapsed.TotalSeconds:N2} s");
        await WaitForAppliedAsync(start + events);
        await sampling.CancelAsync();
        await sampler;
        return new ScenarioResult(perMessage
            ? "full pipeline, one message per consume (for comparison)"
            : "full pipeline (state + outbox -> relay -> MassTransit -> batch inbox + write)", events, clock.Elapsed);
    }

    /// <summary>At a steady <paramref name="perSecond"/>, one event per transaction: latencies in ms from the writer's
    /// commit (the event is in the outbox) to the consumer's (its effect is visible), through the one-message-per-consume
    /// consumer as most consumers are written (a batch consumer waits up to BatchTimeLimit for company on top).</summary>
    public async Task<(int Events, double P50, double P99)> LatencyAsync(double perSecond, int seconds)
    {
        var events = (int)(perSecond * seconds);
        var start = Volatile.Read(ref _applied);
        _latencies.Clear();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= events) return;
                var due = TimeSpan.FromSeconds(index / perSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due);
                await EnqueueAsync(1, recordLatency: true, perMessage: true);
            }
        }));
        await WaitForAppliedAsync(start + events);
        var sorted = _latencies.Order().ToArray();
        return (sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private async Task EnqueueAsync(int count, bool recordLatency, bool perMessage = false)
    {
        var dataSource = _host.Services.GetRequiredService<NpgsqlDataSource>();
        var outbox = _host.Services.GetRequiredService<Outbox>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var events = Enumerable.Range(0, count).Select(_ => Payload.Next()).ToList();
        await connection.ExecuteAsync("INSERT INTO bench_state (id) SELECT unnest(@Ids)",
            new { Ids = events.Select(message => message.EventId).ToArray() }, transaction);
        List<object> messages = perMessage
            ? [.. events.Select(e => new BenchEventRecorded(e.EventId, e.StudioId, e.Name, e.OccurredAt))]
            : [.. events];
        var messageIds = count == 1 ? [await outbox.EnqueueAsync(transaction, messages[0])] : await outbox.EnqueueAllAsync(transaction, messages);
        await transaction.CommitAsync();
        if (recordLatency)
        {
            // The relay is woken when this connection closes, after this line: no delivery can come first.
            var committedAt = Stopwatch.GetTimestamp();
            foreach (var messageId in messageIds) _enqueuedAt[messageId] = committedAt;
        }
    }

    private async Task WaitForAppliedAsync(int target)
    {
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _applied) < target)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"Only {Volatile.Read(ref _applied)} of {target} events were applied in 5 minutes.");
            await Task.Delay(5);
        }
    }

    /// <summary>BENCH_SAMPLE=1: once a second, how many rows are unsent and how many events applied (where it is slow).</summary>
    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        var dataSource = _host.Services.GetRequiredService<NpgsqlDataSource>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(1000, cancellationToken);
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var unsent = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
                Console.WriteLine($"unsent {unsent}, applied {Volatile.Read(ref _applied)}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    // After the whole receive pipe, so after the inbox transaction committed: the effect is visible.
    public Task PostReceive(ReceiveContext context)
    {
        Interlocked.Increment(ref _applied);
        if (context.GetMessageId() is { } id && _enqueuedAt.TryRemove(id, out var startedAt))
            _latencies.Add(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
