using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Features;

/// <summary>The network-wide counts as the counts refresher last took them: studios per lifecycle state, active studios
/// per health state, memberships, people and sessions held. Each of them counts the whole network, so the overview (and
/// the gauges) read this instead of counting on each request; it is at most one refresh interval old, a lifecycle
/// change or a sweep that changed a health state wakes the refresher (<see cref="Taken.At"/> says when it counted), and the first read of a new
/// instance counts once.</summary>
public sealed class NetworkFiguresSnapshot(StudioRepository studios, StudioHealthRepository health, OverviewRepository overview,
    TimeProvider time)
{
    private volatile Taken? _latest;

    /// <summary>The counts last taken, without counting; null before the first refresh (what the gauges read).</summary>
    public Taken? Latest => _latest;

    public async Task<Taken> GetAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _latest ?? await RefreshAsync(connection, ct);

    public async Task<Taken> RefreshAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var taken = new Taken(await studios.CountByStateAsync(connection, ct), await health.CountByStateAsync(connection, ct),
            await overview.FiguresAsync(connection, now, ct), now);
        _latest = taken;
        return taken;
    }

    public sealed record Taken(IReadOnlyDictionary<StudioState, long> Studios, IReadOnlyDictionary<HealthState, long> Health,
        NetworkFigures Figures, DateTimeOffset At);
}
