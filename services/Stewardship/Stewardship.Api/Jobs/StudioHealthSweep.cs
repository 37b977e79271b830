using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Jobs;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Jobs;

/// <summary>Re-evaluates every active studio once per interval: "no session held in 30 days" becomes true with time
/// alone, with no event to trigger it. A pass claims the studios that are due in batches (FOR NO KEY UPDATE SKIP LOCKED),
/// evaluates them and sets when each is next due, one short transaction per batch: several instances share the sweep,
/// no studio is swept twice in an interval, and nothing is held for the whole run.</summary>
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

    /// <summary>Evaluates the studios that are due; returns how many it evaluated (each writes its health row).</summary>
    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        var swept = 0;
        var changedState = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var now = Time.GetUtcNow();
            var due = await studios.ClaimDueForSweepAsync(transaction, now, options.Value.HealthSweepBatch, cancellationToken);
            if (due.Count == 0) break;

            // Evaluating writes each studio's health and may publish StudioHealthChanged: traced from here on.
            pass.Trace();
            foreach (var id in due)
            {
                if (await evaluator.EvaluateAsync(transaction, id, now, cancellationToken) is not null) changedState++;
            }
            await studios.SweptAsync(transaction, due, now + Interval, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            swept += due.Count;
        }
        if (changedState > 0) counts.Wake();
        return swept;
    }
}
