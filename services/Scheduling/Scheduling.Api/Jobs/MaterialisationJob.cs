using Microsoft.Extensions.Options;
using Studios.Scheduling.Data;
using Studios.Scheduling.Extensions;
using Studios.Scheduling.Features;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Scheduling.Jobs;

/// <summary>Keeps every active series materialised up to the rolling horizon. A pass claims the series that are behind
/// in batches under their row locks (FOR UPDATE SKIP LOCKED) and extends them in that short transaction: several
/// instances share the work, none extends a series another just extended, and no session is added twice.</summary>
public sealed class MaterialisationJob(
    NpgsqlDataSource dataSource,
    SeriesRepository series,
    Materialiser materialiser,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    JobMetrics jobMetrics,
    ILogger<MaterialisationJob> logger) : IntervalJob(time, jobMetrics, logger)
{
    private const int Batch = 20;

    protected override string Name => "scheduling.materialisation";

    protected override TimeSpan Interval => options.Value.MaterialiseInterval;

    /// <summary>One pass over the series that are behind; returns how many sessions it added.</summary>
    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken ct)
    {
        // Behind: materialised to more than half an interval short of the horizon, so a series another instance extended
        // during this interval is left alone.
        var dueBefore = Time.GetUtcNow() + options.Value.Horizon - Interval / 2;
        var added = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var claimed = await series.ClaimBehindAsync(tx, dueBefore, Batch, ct);
            if (claimed.Count == 0) return added;

            // Extending adds sessions and publishes SessionScheduled: traced from here on.
            pass.Trace();
            foreach (var id in claimed)
            {
                var row = (await series.GetAsync(connection, id, tx, ct: ct))!;
                added += await materialiser.ExtendAsync(tx, row, null, ct);
            }
            await tx.CommitAsync(ct);
        }
    }
}
