using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests;

/// <summary>When the endpoint watchdog calls a receive endpoint stalled, and when it leaves one alone.</summary>
public sealed class EndpointStallRuleTests
{
    private static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(60);

    [Theory]
    // Messages wait, nothing arrived for a minute, nothing in hand: its consumer is gone.
    [InlineData(10u, 61, 0, true, true)]
    [InlineData(10u, 61, 0, null, true)]
    // Deliveries in hand but their channel is closed: a crash that never reached the consumer.
    [InlineData(10u, 61, 5, false, true)]
    // Busy on a live channel (slow consumer, in-process retries holding their slots): work, not a stall.
    [InlineData(10u, 61, 5, true, false)]
    // Nothing waits in the queue: quiet is fine.
    [InlineData(0u, 600, 0, false, false)]
    // Quiet for less than the limit: a reconnect may be under way.
    [InlineData(10u, 59, 0, false, false)]
    public void An_endpoint_is_stalled_only_when_messages_wait_and_it_neither_receives_nor_works_on_a_live_channel(
        uint ready, int quietSeconds, int inFlight, bool? channelOpen, bool stalled)
    {
        var state = new EndpointState(TimeSpan.FromSeconds(quietSeconds), inFlight, channelOpen);
        Assert.Equal(stalled, state.IsStalled(ready, StallAfter));
    }

    [Fact]
    public async Task The_watchdog_gives_up_on_liveness_after_restarts_in_a_row_that_did_not_end_a_stall()
    {
        var health = new BusWatchdogHealth();
        for (var restart = 1; restart < BusWatchdogHealth.RestartsBeforeGivingUp; restart++)
        {
            health.Restarted();
        }
        Assert.False(health.GaveUp);
        health.NothingStalled(); // a restart that worked starts the count again
        for (var restart = 1; restart <= BusWatchdogHealth.RestartsBeforeGivingUp; restart++)
        {
            health.Restarted();
        }
        Assert.True(health.GaveUp);
        var result = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
