using Microsoft.Extensions.Options;
using Studios.ServiceDefaults.Jobs;
using Studios.Stewardship.Extensions;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Jobs;

/// <summary>Keeps the network figures (the overview's and the gauges') fresh: on a timer, and soon after a lifecycle
/// change or a sweep that changed a health state wakes it. Each instance refreshes its own; the pass only reads.</summary>
public sealed class StudioCountsRefresher(
    NpgsqlDataSource dataSource,
    NetworkFiguresSnapshot networkFigures,
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
        await networkFigures.RefreshAsync(connection, cancellationToken);
        return 0;
    }
}
