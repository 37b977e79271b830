using System.Net;
using Dapper;
using Studios.Membership.Contracts;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Each person's choices: kinds on or off, reminder offsets, and the one-click unsubscribe link every mail carries.</summary>
[Trait("Category", "Integration")]
public sealed class PreferencesTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private const string Path = "/api/people/me/notification-preferences";
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Everything_is_on_with_reminders_a_day_and_an_hour_before_until_one_chooses()
    {
        using var client = fixture.Factory.ClientFor(Guid.NewGuid(), "Ada", "participant");

        var response = await client.GetAsync(Path);

        var preferences = await response.ReadAsync<Preferences>();
        Assert.All(preferences.Enabled.Values, Assert.True);
        Assert.Equal(15, preferences.Enabled.Count);
        Assert.Equal([1440, 60], preferences.ReminderMinutesBefore);
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Bad_preferences_are_refused_naming_each_field()
    {
        using var client = fixture.Factory.ClientFor(Guid.NewGuid(), "Ada", "participant");

        var errors = await (await client.PutJsonAsync(Path, new
        {
            enabled = new Dictionary<string, bool> { ["carrier-pigeon"] = false },
            reminderMinutesBefore = new[] { 1, 60, 60 },
        })).FieldErrorsAsync();

        Assert.Equal(["enabled.carrier-pigeon", "reminderMinutesBefore"], errors.Keys.Order());
        Assert.Equal(2, errors["reminderMinutesBefore"].Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task A_kind_turned_off_sends_nothing_and_new_offsets_replan_the_reminders()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var wes = await _community.RegisterAsync(TestPerson.New("Wes"));
        using var client = fixture.Factory.ClientFor(wes.Id, wes.Name, "participant");
        var studioId = await _community.StudioAsync(fay);
        var startsAt = _community.Now.AddDays(3);
        var sessionId = await _community.SessionAsync(studioId, startsAt);
        await _community.RsvpAsync(studioId, sessionId, wes, "going");
        Assert.Equal(2, (await DueTimesAsync(wes.Id)).Count);

        var saved = await client.PutJsonAsync(Path, new
        {
            enabled = new Dictionary<string, bool> { ["waitlist-promoted"] = false, ["studio-paused"] = true },
            reminderMinutesBefore = new[] { 30 },
        }, ifMatch: "\"0\"");

        var preferences = await saved.ReadAsync<Preferences>();
        Assert.False(preferences.Enabled["waitlist-promoted"]);
        Assert.True(preferences.Enabled["session-reminder"]);
        Assert.Equal("\"1\"", saved.Headers.ETag?.Tag);
        Assert.Equal([startsAt.AddMinutes(-30)], await DueTimesAsync(wes.Id));
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await client.PutJsonAsync(Path, new { reminderMinutesBefore = new[] { 60 } }, ifMatch: "\"0\"")).StatusCode);

        var promotion = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new MemberJoinedStudio(studioId, wes.Id, "participant", "waitlist", _community.Now), promotion);
        await fixture.ConsumedAsync(promotion);
        Assert.Empty(await fixture.MailStatusesAsync(wes.Id, "waitlist-promoted"));
    }

    [Fact]
    public async Task The_one_click_link_needs_no_login_and_turns_that_kind_off()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        await _community.StudioAsync(fay, name: "Sketching");
        var mail = Assert.Single(await fixture.Mailbox.WaitForAsync(fay.Email, m => m.Header("X-Studios-Notification") == "studio-approved"));
        var link = mail.Header("List-Unsubscribe")!;
        using var anonymous = fixture.Factory.CreateClient();

        // Opening the link shows a button; only the POST (what mail clients send) unsubscribes.
        var page = await anonymous.GetAsync(Api.PathOf(link));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync());
        using var client = fixture.Factory.ClientFor(fay.Id, fay.Name, "facilitator");
        Assert.True((await (await client.GetAsync(Path)).ReadAsync<Preferences>()).Enabled["studio-approved"]);

        var unsubscribed = await anonymous.OneClickUnsubscribeAsync(link);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.OneClickUnsubscribeAsync(link)).StatusCode);
        var preferences = await (await client.GetAsync(Path)).ReadAsync<Preferences>();
        Assert.False(preferences.Enabled["studio-approved"]);
        Assert.True(preferences.Enabled["studio-paused"]);

        await _community.StudioAsync(fay, name: "Sketching Again");
        await fixture.SettledAsync(fay.Id);
        Assert.Single(await fixture.MailStatusesAsync(fay.Id, "studio-approved"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.OneClickUnsubscribeAsync("<http://notifications.test/api/unsubscribe/nope>")).StatusCode);
    }

    [Fact]
    public async Task An_invitee_without_an_account_can_stop_invitations_to_their_address()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay);
        var address = $"Stranger-{Guid.NewGuid():N}@Example.test";
        await fixture.Bus.PublishAsync(Invitation(studioId, fay, address));
        var mail = Assert.Single(await fixture.Mailbox.WaitForAsync(address));
        using var anonymous = fixture.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.OneClickUnsubscribeAsync(mail.Header("List-Unsubscribe")!)).StatusCode);

        var again = Guid.NewGuid();
        await fixture.Bus.PublishAsync(Invitation(studioId, fay, address.ToLowerInvariant()), again);
        await fixture.ConsumedAsync(again);
        await fixture.AllSettledAsync();
        Assert.Single(await fixture.Mailbox.ToAsync(address));
    }

    private InvitationIssued Invitation(Guid studioId, TestPerson inviter, string address) =>
        new(Guid.NewGuid(), studioId, address, null, "participant", inviter.Id, Guid.NewGuid().ToString("N"), _community.Now.AddDays(14), _community.Now);

    private async Task<IReadOnlyList<DateTimeOffset>> DueTimesAsync(Guid personId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        return (await connection.QueryAsync<DateTime>("SELECT due_at FROM reminders WHERE person_id = @personId ORDER BY due_at", new { personId }))
            .Select(due => new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))).ToList();
    }
}
