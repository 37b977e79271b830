using System.Net;
using Dapper;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Membership.Tests.Integration;

/// <summary>The business metrics on the Studios.Membership meter.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MetricsTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Joins_and_leaves_are_counted_and_the_waitlist_length_is_a_gauge()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, "Studios.Membership");

        var facilitator = await fixture.RegisterAsync();
        var studioId = await fixture.OpenStudioAsync(facilitator, capacity: 1);
        var member = await fixture.RegisterAsync();
        var waiting = await fixture.RegisterAsync();
        await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);
        await (await waiting.Client.PostEmptyAsync($"/api/studios/{studioId}/join-requests")).ShouldBeAsync(HttpStatusCode.Created);

        async Task<long> WaitlistedInDatabase()
        {
            await using var connection = await fixture.OpenDatabaseAsync();
            return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM memberships WHERE state = 'waitlisted'");
        }
        var expected = await WaitlistedInDatabase();
        Assert.True(expected >= 1);
        await Eventually.TrueAsync(() => metrics.Gauge("waitlist.length") == expected,
            TimeSpan.FromSeconds(10), "the waitlist gauge should report the waitlisted people");

        await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/leave")).ShouldBeAsync(HttpStatusCode.OK);
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == waiting.Id);

        Assert.True(metrics.Counter("members.joined", "joined_via=founding") >= 1);
        Assert.True(metrics.Counter("members.joined", "joined_via=open") >= 1);
        Assert.True(metrics.Counter("members.joined", "joined_via=waitlist") >= 1);
        Assert.True(metrics.Counter("members.left", "reason=left") >= 1);
        await Eventually.TrueAsync(() => metrics.Gauge("waitlist.length") == expected - 1,
            TimeSpan.FromSeconds(10), "the promotion should shorten the waitlist gauge");
    }
}
