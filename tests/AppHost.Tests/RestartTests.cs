namespace Studios.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class RestartTests(RunningAppHost appHost)
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_its_restart_counted()
    {
        var before = await Resource.OneAsync(appHost.Api, "stewardship");
        Assert.True(before.IsUp, before.ToString());

        ProcessTable.Kill(before.Pid!.Value);

        var after = await Poll.UntilAsync(() => Resource.OneAsync(appHost.Api, "stewardship"),
            r => r.IsUp && r.Pid != before.Pid && r.RestartCount > before.RestartCount,
            TimeSpan.FromSeconds(60), "stewardship restarted with a new pid and a higher restart count");
        Assert.False(ProcessTable.IsAlive(before.Pid.Value));
        Assert.True(after.StartedAt > before.StartedAt);
    }

    [Fact]
    public async Task A_service_stopped_through_the_api_stays_stopped_until_started_again()
    {
        try
        {
            using var stop = await appHost.Api.PostAsync("/api/resources/scheduling/stop", null);
            stop.EnsureSuccessStatusCode();
            var stopped = await Resource.OneAsync(appHost.Api, "scheduling");
            Assert.Equal("Stopped", stopped.State);
            Assert.Null(stopped.Pid);
            // Longer than the first restart delay (1 s): a stop on purpose is not a crash to recover from.
            await Poll.StaysAsync(() => Resource.OneAsync(appHost.Api, "scheduling"), r => r.State == "Stopped",
                TimeSpan.FromSeconds(3), "scheduling stays stopped");
        }
        finally
        {
            // The other tests share this AppHost: leave scheduling running whatever happened above.
            using var start = await appHost.Api.PostAsync("/api/resources/scheduling/start", null);
            start.EnsureSuccessStatusCode();
            await Poll.UntilAsync(() => Resource.OneAsync(appHost.Api, "scheduling"), r => r.IsUp,
                TimeSpan.FromSeconds(60), "scheduling running again");
        }
    }
}
