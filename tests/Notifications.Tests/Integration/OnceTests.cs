using Dapper;
using Studios.Membership.Contracts;
using Studios.Scheduling.Contracts;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Once per (event, recipient, kind): redelivered and republished events send nothing more, and an erased person
/// is forgotten and gets nothing.</summary>
[Trait("Category", "Integration")]
public sealed class OnceTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task A_duplicated_event_sends_one_mail()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var wes = await _community.RegisterAsync(TestPerson.New("Wes"));
        var studioId = await _community.StudioAsync(fay);
        var promotion = new MemberJoinedStudio(studioId, wes.Id, "participant", "waitlist", _community.Now);
        var (first, republished) = (Guid.NewGuid(), Guid.NewGuid());

        // The broker redelivers (same message id); an outbox publishes the same row again after a crash; another copy of
        // the same event comes under a new id.
        await fixture.Bus.PublishAsync(promotion, first);
        await fixture.Bus.PublishAsync(promotion, first);
        await fixture.Bus.PublishAsync(promotion, republished);

        await fixture.Mailbox.WaitForAsync(wes.Email, m => m.Header("X-Studios-Notification") == "waitlist-promoted");
        await fixture.ConsumedAsync(first);
        await fixture.ConsumedAsync(republished);
        await fixture.SettledAsync(wes.Id);
        Assert.Single(await fixture.Mailbox.ToAsync(wes.Email), m => m.Header("X-Studios-Notification") == "waitlist-promoted");
        Assert.Single(await fixture.MailStatusesAsync(wes.Id, "waitlist-promoted"));
    }

    [Fact]
    public async Task An_erased_person_is_forgotten_and_receives_nothing_more()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var eve = await _community.RegisterAsync(TestPerson.New("Eve"));
        using (var client = fixture.Factory.ClientFor(eve.Id, eve.Name, "participant"))
            await (await client.PutJsonAsync("/api/people/me/notification-preferences", new { reminderMinutesBefore = new[] { 120 } })).ReadAsync<Preferences>();
        var studioId = await _community.StudioAsync(fay);
        await _community.JoinAsync(studioId, eve);
        var startsAt = _community.Now.AddDays(2);
        var sessionId = await _community.SessionAsync(studioId, startsAt);
        await _community.RsvpAsync(studioId, sessionId, eve, "going");
        await Eventually.TrueAsync(async () => await CountAsync("reminders", eve.Id) == 1, NotificationsFixture.Patience, "Eve's reminder");

        var erased = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new PersonErased(eve.Id, _community.Now), erased);
        await fixture.ConsumedAsync(erased);

        foreach (var table in new[] { "people", "preferences", "reminders", "rsvps", "studio_members", "mails" })
            Assert.Equal(0, await CountAsync(table, eve.Id));
        // Later events about her, and an older address change arriving late, bring nothing back.
        var late = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await fixture.Bus.PublishAsync(new PersonEmailVerified(eve.Id, eve.Email, _community.Now.AddMinutes(-5)), late[0]);
        await fixture.Bus.PublishAsync(new MemberJoinedStudio(studioId, eve.Id, "participant", "waitlist", _community.Now), late[1]);
        await fixture.Bus.PublishAsync(new SessionCancelled(sessionId, studioId, startsAt, "Rain.", _community.Now, "facilitator"), late[2]);
        foreach (var id in late) await fixture.ConsumedAsync(id);
        await fixture.AllSettledAsync();
        Assert.Equal(0, await CountAsync("people", eve.Id));
        Assert.Equal(0, await CountAsync("mails", eve.Id));
        Assert.Empty(await fixture.Mailbox.ToAsync(eve.Email));
    }

    private async Task<long> CountAsync(string table, Guid personId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE person_id = @personId", new { personId });
    }
}
