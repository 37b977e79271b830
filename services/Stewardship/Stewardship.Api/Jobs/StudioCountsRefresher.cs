using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Jobs;
using Studios.Stewardship.Data;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Jobs;

/// <summary>Keeps the gauges' cached counts and the overview's network figures fresh: on a timer, and soon after a
/// lifecycle or health change wakes it. Each instance refreshes its own; the pass only reads.</summary>
public sealed class StudioCountsRefresher(
    NpgsqlDataSource dataSource,
    StudioRepository studios,
    StudioHealthRepository health,
    NetworkFiguresSnapshot networkFigures,
    StewardshipMetrics metrics,
    IOptions<StewardshipOptions> options,
    TimeProvider time,
    JobMetrics jobMetrics,
    ILogger<StudioCountsRefresher> logger) : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "stewardship.counts-refresh";

    protected override TimeSpan Interval => options.Value.CountsRefreshInterval;

    /// <summary>A refresh changes no data: every pass is idle.</summary>
    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        metrics.ReplaceCounts(await studios.CountByStateAsync(connection, cancellationToken),
            await health.CountByStateAsync(connection, cancellationToken), Time.GetUtcNow());
        await networkFigures.RefreshAsync(connection, cancellationToken);
        return 0;
    }
}
