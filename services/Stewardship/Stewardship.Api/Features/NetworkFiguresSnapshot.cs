using Studios.Stewardship.Data;

namespace Studios.Stewardship.Features;

/// <summary>The network-wide figures as the counts refresher last computed them. Counting every membership and every
/// held session grows with the network, so the overview reads this instead of counting on each request; it is at most
/// one refresh interval old (<see cref="Taken.At"/> says when), and the first read of a new instance counts once.</summary>
public sealed class NetworkFiguresSnapshot(OverviewRepository overview, TimeProvider time)
{
    private volatile Taken? _latest;

    public async Task<Taken> GetAsync(NpgsqlConnection connection, CancellationToken ct) =>
        _latest ?? await RefreshAsync(connection, ct);

    public async Task<Taken> RefreshAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var taken = new Taken(await overview.FiguresAsync(connection, now, ct), now);
        _latest = taken;
        return taken;
    }

    public sealed record Taken(NetworkFigures Figures, DateTimeOffset At);
}
