using Microsoft.Extensions.Options;
using Studios.Scheduling.Data;
using Studios.Scheduling.Extensions;

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
    ILogger<MaterialisationJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var added = await RunOnceAsync(stoppingToken);
                if (added > 0) logger.LogInformation("Materialised {Count} sessions up to the horizon", added);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Materialising sessions failed; retrying at the next interval");
            }
            try
            {
                await Task.Delay(options.Value.MaterialiseInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One pass over every series that is behind; returns how many sessions it added.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var horizonEnd = time.GetUtcNow() + options.Value.Horizon;
        List<Guid> behind;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            behind = [.. await series.BehindAsync(connection, horizonEnd, ct)];
        }

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
