using Dapper;
using Studios.Membership.Contracts;

namespace Studios.Notifications.Tests.Integration;

/// <summary>A restart (or a redeploy) loses nothing and repeats nothing: reminders wait in the database, events in the broker.</summary>
[Trait("Category", "Integration")]
public sealed class RestartTests(RestartFixture fixture) : IClassFixture<RestartFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Reminders_and_events_that_came_while_the_service_was_down_are_sent_once_after_a_restart()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var studioId = await _community.StudioAsync(fay, name: "Restful Evenings");
        var sessionId = await _community.SessionAsync(studioId, _community.Now.AddHours(2), "Late circle");
        await _community.RsvpAsync(studioId, sessionId, gus, "going");
        await fixture.Mailbox.WaitForAsync(fay.Email);
        await fixture.SettledAsync(fay.Id);

        await fixture.RestartAsync(whileStopped: async () =>
        {
            // While it is down: Gus moves up from the waitlist, and his reminder falls due.
            await fixture.Bus.PublishAsync(new MemberJoinedStudio(studioId, gus.Id, "participant", "waitlist", _community.Now));
            fixture.Time.Offset += TimeSpan.FromMinutes(61);
        });

        var mails = await fixture.Mailbox.WaitForAsync(gus.Email, count: 2);
        Assert.Equal(["session-reminder", "waitlist-promoted"], mails.Select(m => m.Header("X-Studios-Notification")).Order());
        await fixture.SettledAsync(gus.Id);
        await using var connection = await fixture.OpenDatabaseAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reminders"));
        Assert.Equal(2, (await fixture.Mailbox.ToAsync(gus.Email)).Count);
        Assert.Single(await fixture.Mailbox.ToAsync(fay.Email));
    }
}
