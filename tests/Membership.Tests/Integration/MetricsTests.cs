using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Studios.Testing;

namespace Studios.Membership.Tests.Integration;

/// <summary>The business metrics on the Studios.Membership meter.</summary>
[Collection(MembershipCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MetricsTests(MembershipFixture fixture)
{
    [Fact]
    public async Task Joins_and_leaves_are_counted_and_the_waitlist_length_is_a_gauge()
    {
        var scope = fixture.Factory.Services.GetRequiredService<IMeterFactory>();
        var counters = new ConcurrentDictionary<(string Name, string Tag), long>();
        long waitlistLength = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Studios.Membership" && instrument.Meter.Scope == scope) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "waitlist.length") Interlocked.Exchange(ref waitlistLength, value);
            else counters.AddOrUpdate((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))), value, (_, v) => v + value);
        });
        listener.Start();

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
        await Eventually.TrueAsync(() => { listener.RecordObservableInstruments(); return Interlocked.Read(ref waitlistLength) == expected; },
            TimeSpan.FromSeconds(10), "the waitlist gauge should report the waitlisted people");

        await (await member.Client.PostEmptyAsync($"/api/studios/{studioId}/members/{member.Id}/leave")).ShouldBeAsync(HttpStatusCode.OK);
        await fixture.MemberJoined.WaitForAsync(e => e.StudioId == studioId && e.PersonId == waiting.Id);

        Assert.True(counters.GetValueOrDefault(("members.joined", "joined_via=founding")) >= 1);
        Assert.True(counters.GetValueOrDefault(("members.joined", "joined_via=open")) >= 1);
        Assert.True(counters.GetValueOrDefault(("members.joined", "joined_via=waitlist")) >= 1);
        Assert.True(counters.GetValueOrDefault(("members.left", "reason=left")) >= 1);
        await Eventually.TrueAsync(() => { listener.RecordObservableInstruments(); return Interlocked.Read(ref waitlistLength) == expected - 1; },
            TimeSpan.FromSeconds(10), "the promotion should shorten the waitlist gauge");
    }
}
