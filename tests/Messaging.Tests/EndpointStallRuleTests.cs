using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studios.ServiceDefaults.Messaging;

namespace Studios.Messaging.Tests;

/// <summary>When the stall detector calls a receive endpoint stalled, and what /alive says about it.</summary>
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
    public async Task Alive_is_unhealthy_while_an_endpoint_is_stalled_and_each_stall_is_reported_once()
    {
        var stalled = new StalledEndpoints();
        Assert.Equal(["a"], stalled.Update(["a"]));
        Assert.Equal(HealthStatus.Unhealthy, (await stalled.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(["b"], stalled.Update(["a", "b"])); // "a" was reported already
        Assert.Empty(stalled.Update([]));
        Assert.Equal(HealthStatus.Healthy, (await stalled.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
