using System.Diagnostics;
using Dapper;
using Spectre.Console;

namespace Studios.Benchmarks.Network;

/// <summary>
/// The background jobs that grow with the network, timed as the running services do them. Each is made due for all its
/// work through the database (every active studio's <c>health_due_at</c> set to now; every active series'
/// <c>materialised_until</c> moved two weeks back, so the pass claims and re-checks it and adds nothing), then its table
/// is polled every 100 ms until the job's next pass has done all of it: the duration is from the first studio (series)
/// done to the last, and the database CPU is the cluster's processes' CPU time meanwhile. The job runs at its interval, so
/// this waits up to one interval (the measuring run shortens it; docs/scale.md).
/// </summary>
public static class BackgroundPasses
{
    public static async Task<BackgroundPass> HealthSweepAsync(LocalDatabases databases, TimeSpan patience)
    {
        await using var connection = await databases.For("stewardship").OpenConnectionAsync();
        // timestamptz comes back as a UTC DateTime.
        var marked = await connection.QuerySingleAsync<DateTime>("""
            WITH due AS (UPDATE studios SET health_due_at = now() WHERE state = 'active' RETURNING 1) SELECT now()
            """);
        return await TimeAsync("health sweep (every active studio)", databases, patience, () => connection.QuerySingleAsync<(long, long)>("""
            SELECT count(*) FILTER (WHERE health_due_at <= @marked), count(*) FROM studios WHERE state = 'active'
            """, new { marked }));
    }

    public static async Task<BackgroundPass> MaterialisationAsync(LocalDatabases databases, TimeSpan patience)
    {
        await using var connection = await databases.For("scheduling").OpenConnectionAsync();
        // Behind by two weeks (anything below now + 11 weeks, the horizon being 12): the pass extends it back to the horizon.
        await connection.ExecuteAsync("""
            UPDATE series s SET materialised_until = s.materialised_until - interval '14 days'
            FROM studios st WHERE st.id = s.studio_id AND st.status = 'active' AND s.materialised_until IS NOT NULL
            """);
        return await TimeAsync("materialisation pass (every active series)", databases, patience, () => connection.QuerySingleAsync<(long, long)>("""
            SELECT count(*) FILTER (WHERE s.materialised_until < now() + interval '77 days'), count(*)
            FROM series s JOIN studios st ON st.id = s.studio_id WHERE st.status = 'active' AND s.materialised_until IS NOT NULL
            """));
    }

    private static async Task<BackgroundPass> TimeAsync(string name, LocalDatabases databases, TimeSpan patience, Func<Task<(long Left, long All)>> progress)
    {
        AnsiConsole.MarkupLine($"  {name}: waiting for the job's next pass (up to {patience.TotalMinutes:N0} min)");
        var waited = Stopwatch.StartNew();
        var (left, all) = await progress();
        Stopwatch? running = null;
        var cpuBefore = 0.0;
        while (left > 0)
        {
            if (waited.Elapsed > patience) throw new TimeoutException($"{name}: {left} of {all} still not done after {patience.TotalMinutes:N0} min.");
            var cpu = PostgresCpu.Seconds(databases.DataFolder);
            await Task.Delay(100);
            (left, var _) = await progress();
            if (running is null && left < all)
            {
                running = Stopwatch.StartNew();
                cpuBefore = cpu;
            }
        }
        var seconds = running?.Elapsed.TotalSeconds ?? 0;
        var databaseCpu = PostgresCpu.Seconds(databases.DataFolder) - cpuBefore;
        AnsiConsole.MarkupLine($"  {name}: {all:N0} in {seconds:N1} s, database CPU {databaseCpu:N1} s");
        return new BackgroundPass(name, all, seconds, databaseCpu);
    }
}

public sealed record BackgroundPass(string Job, long Items, double Seconds, double DatabaseCpuSeconds);
