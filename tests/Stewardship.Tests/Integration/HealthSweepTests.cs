using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Studios.Stewardship.Jobs;

namespace Studios.Stewardship.Tests.Integration;

/// <summary>The health sweep with two instances: the due studios are claimed in batches, each swept once per interval,
/// and a studio another transaction holds is skipped rather than waited for.</summary>
[Trait("Category", "Integration")]
public sealed class HealthSweepTests(HealthSweepTests.SlowSweepFixture fixture) : IClassFixture<HealthSweepTests.SlowSweepFixture>
{
    /// <summary>A sweep interval long enough that only the test's passes run, and batches small enough to need several.</summary>
    public sealed class SlowSweepFixture : StewardshipFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Stewardship:HealthSweepInterval"] = "1.00:00:00",
            ["Stewardship:HealthSweepBatch"] = "7",
            ["Stewardship:CountsRefreshInterval"] = "00:00:01",
        };
    }

    private readonly HttpClient _steward = fixture.Factory.ClientFor(Guid.NewGuid(), "Sam Steward", "steward");

    [Fact]
    public async Task Two_instances_share_one_sweep_and_sweep_each_studio_once()
    {
        for (var i = 0; i < 40; i++) await _steward.ApproveAsync((await _steward.ProposeAsync()).Id);
        await using var second = await fixture.NewInstanceAsync();
        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        var active = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM studios WHERE state = 'active'");
        Assert.True(active >= 40);

        var swept = await Task.WhenAll(Sweep(fixture.Factory).RunOnceAsync(CancellationToken.None),
            Sweep(second).RunOnceAsync(CancellationToken.None));

        Assert.Equal(active, swept.Sum());
        var now = fixture.Time.GetUtcNow();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM studios WHERE state = 'active' AND health_due_at <= @now", new { now }));
        Assert.Equal(active, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM studio_health h JOIN studios s ON s.id = h.studio_id WHERE s.state = 'active' AND h.evaluated_at >= @earlier",
            new { earlier = now.AddMinutes(-5) }));
        // Nothing is due again within the interval, whichever instance asks.
        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(Sweep(fixture.Factory).RunOnceAsync(CancellationToken.None),
            Sweep(second).RunOnceAsync(CancellationToken.None)));
        // Once the interval has passed, every studio is due again: one more sweep between the two.
        fixture.Time.Offset += TimeSpan.FromDays(1);
        var next = await Task.WhenAll(Sweep(fixture.Factory).RunOnceAsync(CancellationToken.None),
            Sweep(second).RunOnceAsync(CancellationToken.None));
        Assert.Equal(active, next.Sum());
    }

    [Fact]
    public async Task A_sweep_skips_a_studio_another_transaction_holds_instead_of_waiting()
    {
        var held = (await _steward.ApproveAsync((await _steward.ProposeAsync()).Id)).Id;
        var free = (await _steward.ApproveAsync((await _steward.ProposeAsync()).Id)).Id;
        await using var connection = new NpgsqlConnection(fixture.Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        // Both are due now; a lifecycle change (or another sweep) holds one of them.
        await connection.ExecuteAsync("UPDATE studios SET health_due_at = '-infinity' WHERE id = ANY(@ids)", new { ids = new[] { held, free } });
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT 1 FROM studios WHERE id = @held FOR NO KEY UPDATE", new { held }, transaction);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Sweep(fixture.Factory).RunOnceAsync(timeout.Token);

        var dueAt = (await connection.QueryAsync<(Guid Id, DateTime DueAt)>(
            "SELECT id, health_due_at FROM studios WHERE id = ANY(@ids)", new { ids = new[] { held, free } }, transaction))
            .ToDictionary(row => row.Id, row => row.DueAt);
        Assert.Equal(DateTime.MinValue, dueAt[held]);
        Assert.True(dueAt[free] > fixture.Time.GetUtcNow().UtcDateTime, "the free studio is swept and due again in an interval");
        await transaction.RollbackAsync();
    }

    private static StudioHealthSweep Sweep(StewardshipFactory factory) =>
        factory.Services.GetServices<IHostedService>().OfType<StudioHealthSweep>().Single();
}
