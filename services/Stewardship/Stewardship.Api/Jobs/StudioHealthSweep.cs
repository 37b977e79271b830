using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Jobs;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Jobs;

/// <summary>Re-evaluates every active studio on a timer: "no session held in 30 days" becomes true with time alone,
/// with no event to trigger it. Several instances may sweep at once; the row lock and the state comparison keep
/// each change published once.</summary>
public sealed class StudioHealthSweep(
    NpgsqlDataSource dataSource,
    StudioRepository studios,
    StudioHealthEvaluator evaluator,
    StudioCountsRefresher counts,
    IOptions<StewardshipOptions> options,
    TimeProvider time,
    JobMetrics jobMetrics,
    ILogger<StudioHealthSweep> logger) : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "stewardship.health-sweep";

    protected override TimeSpan Interval => options.Value.HealthSweepInterval;

    /// <summary>Evaluates each active studio in its own short transaction; returns how many changed state.</summary>
    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            ids = await studios.ActiveIdsAsync(connection, cancellationToken);
        }
        if (ids.Count == 0) return 0;

        // Evaluating writes each studio's health and may publish StudioHealthChanged: traced from here on.
        pass.Trace();
        var changed = 0;
        foreach (var id in ids)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await evaluator.EvaluateAsync(transaction, id, Time.GetUtcNow(), cancellationToken) is not null) changed++;
            await transaction.CommitAsync(cancellationToken);
        }
        if (changed > 0) counts.Wake();
        return changed;
    }
}
