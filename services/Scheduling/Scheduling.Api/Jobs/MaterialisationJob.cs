using Microsoft.Extensions.Options;
using Studios.Scheduling.Data;
using Studios.Scheduling.Extensions;
using Studios.Scheduling.Features;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Scheduling.Jobs;

/// <summary>Keeps every active series materialised up to the rolling horizon. Each series is extended in its own
/// transaction under its row lock (SKIP LOCKED), so several instances share the work and never add a session twice.</summary>
public sealed class MaterialisationJob(
    NpgsqlDataSource dataSource,
    SeriesRepository series,
    StudioRepository studios,
    Materialiser materialiser,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    JobMetrics jobMetrics,
    ILogger<MaterialisationJob> logger) : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "scheduling.materialisation";

    protected override TimeSpan Interval => options.Value.MaterialiseInterval;

    /// <summary>One pass over every series that is behind; returns how many sessions it added.</summary>
    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken ct)
    {
        var horizonEnd = Time.GetUtcNow() + options.Value.Horizon;
        List<Guid> behind;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            behind = [.. await series.BehindAsync(connection, horizonEnd, ct)];
        }

        if (behind.Count == 0) return 0;

        // Extending adds sessions and publishes SessionScheduled: traced from here on.
        pass.Trace();
        var added = 0;
        foreach (var id in behind)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var locked = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                "SELECT id FROM series WHERE id = @id FOR UPDATE SKIP LOCKED", new { id }, tx, cancellationToken: ct));
            if (locked is null) continue; // another instance (or an edit) has it right now
            var row = (await series.GetAsync(connection, id, tx, ct: ct))!;
            var studio = await studios.GetAsync(connection, row.StudioId, tx, ct);
            if (studio?.Status != Domain.StudioStatus.Active) continue;
            added += await materialiser.ExtendAsync(tx, row, null, ct);
            await tx.CommitAsync(ct);
        }
        return added;
    }
}
