using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Jobs;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Jobs;

/// <summary>Keeps the gauges' cached counts and the overview's network figures fresh: on a timer, and soon after a
/// lifecycle or health change wakes it. Each instance refreshes its own; the pass only reads.</summary>
public sealed class StudioCountsRefresher(
    NpgsqlDataSource dataSource,
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
        var taken = await networkFigures.RefreshAsync(connection, cancellationToken);
        metrics.ReplaceCounts(taken.Studios, taken.Health, taken.At);
        return 0;
    }
}
