using Microsoft.Extensions.Options;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Health;

/// <summary>Re-evaluates every active studio on a timer: "no session held in 30 days" becomes true with time alone,
/// with no event to trigger it. Several instances may sweep at once; the row lock and the state comparison keep
/// each change published once.</summary>
public sealed class HealthSweep(
    NpgsqlDataSource dataSource,
    StudioRepository studios,
    HealthEvaluator evaluator,
    StudioCountsRefresher counts,
    StewardshipClock clock,
    IOptions<StewardshipOptions> options,
    ILogger<HealthSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthSweepInterval);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Health sweep failed; it runs again in {Interval}", options.Value.HealthSweepInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Evaluates each active studio in its own short transaction; returns how many changed state.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        IReadOnlyList<Guid> ids;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            ids = await studios.ActiveIdsAsync(connection, ct);
        }
        var changed = 0;
        foreach (var id in ids)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (await evaluator.EvaluateAsync(transaction, id, clock.UtcNow(), ct) is not null) changed++;
            await transaction.CommitAsync(ct);
        }
        if (changed > 0)
        {
            counts.RequestRefresh();
            logger.LogInformation("Health sweep: {Changed} of {Count} active studios changed state", changed, ids.Count);
        }
        return changed;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
