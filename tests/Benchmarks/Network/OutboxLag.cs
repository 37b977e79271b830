using Dapper;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>How far each service's outbox fell behind while the seed wrote: sampled every two seconds (messages waiting,
/// the oldest one's age), and at the end the time from enqueue to publish of every message enqueued meanwhile.</summary>
public sealed class OutboxLag : IAsyncDisposable
{
    private readonly LocalDatabases _databases;
    private readonly DateTimeOffset _since = DateTimeOffset.UtcNow;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly Dictionary<string, (long Waiting, double OldestSeconds)> _worst = [];

    private OutboxLag(LocalDatabases databases)
    {
        _databases = databases;
        _sampling = SampleAsync();
    }

    public static OutboxLag Start(LocalDatabases databases) => new(databases);

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                foreach (var service in LocalDatabases.Services)
                {
                    await using var connection = await _databases.For(service).OpenConnectionAsync(_stop.Token);
                    var (waiting, oldest) = await connection.QuerySingleAsync<(long, double)>("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8
                        FROM outbox WHERE sent_at IS NULL
                        """);
                    lock (_worst)
                    {
                        var worst = _worst.GetValueOrDefault(service);
                        _worst[service] = (Math.Max(worst.Waiting, waiting), Math.Max(worst.OldestSeconds, oldest));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the seed is done
        }
    }

    /// <summary>Stops sampling and reads, per service, the publish delay (p50/p99/max, seconds) of the messages
    /// enqueued since the start, and the worst backlog seen.</summary>
    public async Task<List<OutboxLagResult>> FinishAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        // Whatever is still waiting is part of the lag: wait until it is out (or two minutes).
        var results = new List<OutboxLagResult>();
        foreach (var service in LocalDatabases.Services)
        {
            await using var connection = await _databases.For(service).OpenConnectionAsync();
            for (var waited = 0; waited < 120 && await connection.ExecuteScalarAsync<long>(
                     "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND enqueued_at >= @since", new { since = _since }) > 0; waited++)
            {
                await Task.Delay(1000);
            }
            var row = await connection.QuerySingleAsync<(long Messages, double? P50, double? P99, double? Max)>("""
                SELECT count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - enqueued_at))::float8,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - enqueued_at))::float8,
                       max(extract(epoch FROM sent_at - enqueued_at))::float8
                FROM outbox WHERE enqueued_at >= @since AND sent_at IS NOT NULL
                """, new { since = _since });
            var worst = _worst.GetValueOrDefault(service);
            var result = new OutboxLagResult(service, row.Messages, row.P50 ?? 0, row.P99 ?? 0, row.Max ?? 0, worst.Waiting, worst.OldestSeconds);
            AnsiConsole.MarkupLine($"  outbox {service,-16} {result.Messages,9:N0} messages   enqueue→publish p50 {result.P50Seconds:N2} s   " +
                                   $"p99 {result.P99Seconds:N2} s   max {result.MaxSeconds:N1} s   most waiting {result.MostWaiting:N0}");
            results.Add(result);
        }
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}

public sealed record OutboxLagResult(string Service, long Messages, double P50Seconds, double P99Seconds, double MaxSeconds, long MostWaiting,
    double OldestWaitingSeconds);
