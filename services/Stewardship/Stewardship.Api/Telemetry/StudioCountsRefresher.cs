using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;

namespace Studios.Stewardship.Telemetry;

/// <summary>Keeps the gauges' cached counts fresh: on a timer, and soon after a lifecycle or health change asks for it.</summary>
public sealed class StudioCountsRefresher(
    NpgsqlDataSource dataSource,
    StudioRepository studios,
    HealthRepository health,
    StewardshipMetrics metrics,
    StewardshipClock clock,
    IOptions<StewardshipOptions> options,
    ILogger<StudioCountsRefresher> logger) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a refresh soon (after a commit that changed the counts).</summary>
    public void RequestRefresh() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                metrics.ReplaceCounts(await studios.CountByStateAsync(connection, stoppingToken),
                    await health.CountByStateAsync(connection, stoppingToken), clock.UtcNow());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not refresh the studio counts; the gauges keep the previous ones");
            }
            await WaitAsync(options.Value.CountsRefreshInterval, stoppingToken);
        }
    }

    private async Task WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(interval);
        try
        {
            await _requests.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // interval over (or stopping: the loop ends)
        }
    }
}
