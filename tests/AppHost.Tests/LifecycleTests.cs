namespace Studios.AppHost.Tests;

/// <summary>
/// Crash and shutdown with an AppHost of its own (in the AppHost collection, so it runs after the shared one has built
/// the services and never alongside another build).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class LifecycleTests
{
    [Fact]
    public async Task After_the_AppHost_is_killed_a_second_run_recovers_and_SIGTERM_then_leaves_nothing_running()
    {
        using var data = new TestDataFolder();
        var ports = new TestPorts();
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports["AppHost"]}"), Timeout = TimeSpan.FromSeconds(10) };

        // First run, then a crash of the AppHost alone: its services, broker and database are orphaned.
        int[] orphans;
        await using (var first = AppHostProcess.Start(data.Path, ports, "--no-build"))
        {
            var resources = await RunningAppHost.WaitUntilAllUpAsync(first, api, RunningAppHost.StartTimeout);
            orphans = [.. resources.Select(r => r.Pid!.Value)];
            ProcessTable.Kill(first.Pid);
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.All(orphans, pid => Assert.True(ProcessTable.IsAlive(pid), $"pid {pid} should have outlived the killed AppHost"));

        // Second run on the same data and ports: it clears what the first left and comes up.
        await using var second = AppHostProcess.Start(data.Path, ports, "--no-build");
        var recovered = await RunningAppHost.WaitUntilAllUpAsync(second, api, RunningAppHost.StartTimeout);
        Assert.All(orphans, pid => Assert.False(ProcessTable.IsAlive(pid), $"left-over pid {pid} is still alive"));
        Assert.All(recovered, r => Assert.DoesNotContain(r.Pid!.Value, orphans));

        // SIGTERM: everything stops in order and the AppHost exits cleanly.
        ProcessTable.Terminate(second.Pid);
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Empty(ProcessTable.BelongingTo(data.Path));
        Assert.Contains("Stopping: services first", second.Output);
        Assert.False(File.Exists(Path.Combine(data.Path, "pids", "apphost.pid")));
    }
}
