using Studios.Membership.Contracts;
using Studios.Notifications.Domain;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Contracts;
using Studios.Testing.Mail;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Each kind of mail from the event that causes it: exactly one mail, to the right people, with the right subject
/// and link, through a real smtp4dev.</summary>
[Trait("Category", "Integration")]
public sealed class KindTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private readonly Community _community = new(fixture);

    private Task<IReadOnlyList<ReceivedMail>> MailsAsync(TestPerson person, string kind, int count = 1) =>
        fixture.Mailbox.WaitForAsync(person.Email, mail => mail.Header("X-Studios-Notification") == kind, count);

    /// <summary>After the person's mails are all sent, the number of <paramref name="kind"/> they got.</summary>
    private async Task<int> CountAsync(TestPerson person, string kind)
    {
        await fixture.SettledAsync(person.Id);
        return (await fixture.Mailbox.ToAsync(person.Email)).Count(mail => mail.Header("X-Studios-Notification") == kind);
    }

    [Fact]
    public async Task An_invitation_reaches_an_address_with_no_account_with_the_accept_link()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay, name: "Morning Pages");
        var invitee = $"newcomer-{Guid.NewGuid():N}@example.test";

        await fixture.Bus.PublishAsync(new InvitationIssued(Guid.NewGuid(), studioId, invitee, null, "participant", fay.Id, "tok-123",
            _community.Now.AddDays(14), _community.Now));

        var mail = Assert.Single(await fixture.Mailbox.WaitForAsync(invitee));
        Assert.Equal("You are invited to join Morning Pages", mail.Subject);
        Assert.Contains("https://app.test/invitations/tok-123", mail.Text);
        Assert.Contains("Fay invites you", mail.Text);
        Assert.Contains("href=\"https://app.test/invitations/tok-123\"", mail.Html);
        Assert.Matches(@"^<http://notifications\.test/api/unsubscribe/[A-Za-z0-9_-]+>$", mail.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task A_join_request_goes_to_the_facilitators_and_the_decision_to_the_requester()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var cora = await _community.RegisterAsync(TestPerson.New("Cora"));
        var pia = await _community.RegisterAsync(TestPerson.New("Pia"));
        var rae = await _community.RegisterAsync(TestPerson.New("Rae"));
        var studioId = await _community.StudioAsync(fay, name: "Deep Listening");
        await _community.JoinAsync(studioId, cora, StudioRoles.CoFacilitator);
        await _community.JoinAsync(studioId, pia);
        var requestId = Guid.NewGuid();

        await fixture.Bus.PublishAsync(new JoinRequested(requestId, studioId, rae.Id, _community.Now));

        foreach (var facilitator in new[] { fay, cora })
        {
            var mail = Assert.Single(await MailsAsync(facilitator, "join-request-received"));
            Assert.Equal("Rae asks to join Deep Listening", mail.Subject);
            Assert.Contains($"https://app.test/studios/{studioId}/members?state=requested", mail.Text);
        }
        Assert.Equal(0, await CountAsync(pia, "join-request-received"));

        await fixture.Bus.PublishAsync(new JoinRequestDecided(requestId, studioId, rae.Id, "approved", "waitlisted", fay.Id, _community.Now));
        var decided = Assert.Single(await MailsAsync(rae, "join-request-decided"));
        Assert.Equal("Your request to join Deep Listening was approved: you are on the waitlist", decided.Subject);
    }

    [Fact]
    public async Task A_declined_request_says_so()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var rae = await _community.RegisterAsync(TestPerson.New("Rae"));
        var studioId = await _community.StudioAsync(fay, name: "Slow Reading");

        await fixture.Bus.PublishAsync(new JoinRequestDecided(Guid.NewGuid(), studioId, rae.Id, "declined", "declined", fay.Id, _community.Now));

        var mail = Assert.Single(await MailsAsync(rae, "join-request-decided"));
        Assert.Equal("Your request to join Slow Reading", mail.Subject);
        Assert.Contains("declined your request", mail.Text);
    }

    [Fact]
    public async Task Moving_up_from_the_waitlist_is_announced_but_an_ordinary_join_is_not()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var wes = await _community.RegisterAsync(TestPerson.New("Wes"));
        var ola = await _community.RegisterAsync(TestPerson.New("Ola"));
        var studioId = await _community.StudioAsync(fay, name: "Clay Hands");

        await _community.JoinAsync(studioId, ola, via: "open");
        await _community.JoinAsync(studioId, wes, via: "waitlist");

        var mail = Assert.Single(await MailsAsync(wes, "waitlist-promoted"));
        Assert.Equal("A place in Clay Hands is yours", mail.Subject);
        Assert.Contains($"https://app.test/studios/{studioId}", mail.Text);
        Assert.Equal(0, await CountAsync(ola, "waitlist-promoted"));
    }

    [Fact]
    public async Task Moving_up_from_a_sessions_waitlist_is_announced()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var wes = await _community.RegisterAsync(TestPerson.New("Wes"));
        var studioId = await _community.StudioAsync(fay);
        var sessionId = await _community.SessionAsync(studioId, _community.Now.AddDays(3), "Thursday circle");
        await _community.RsvpAsync(studioId, sessionId, wes, "waitlisted");

        await _community.RsvpAsync(studioId, sessionId, wes, "going", previous: "waitlisted");

        var mail = Assert.Single(await MailsAsync(wes, "rsvp-promoted"));
        Assert.StartsWith("You have a place: Thursday circle on ", mail.Subject);
        Assert.Contains($"https://app.test/sessions/{sessionId}", mail.Text);
    }

    [Fact]
    public async Task A_reminder_comes_before_a_session_one_is_going_to_and_not_to_those_who_are_not()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var nan = await _community.RegisterAsync(TestPerson.New("Nan"));
        var studioId = await _community.StudioAsync(fay);
        // In two hours: the 24-hour reminder is already past, the 1-hour one is ahead.
        var sessionId = await _community.SessionAsync(studioId, _community.Now.AddHours(2), "Evening circle");
        await _community.RsvpAsync(studioId, sessionId, gus, "going");
        await _community.RsvpAsync(studioId, sessionId, nan, "going");
        await _community.RsvpAsync(studioId, sessionId, nan, "not-going", previous: "going");
        Assert.Single(await RemindersAsync(gus.Id));
        Assert.Empty(await RemindersAsync(nan.Id));

        fixture.Time.Offset += TimeSpan.FromMinutes(61);

        var mail = Assert.Single(await MailsAsync(gus, "session-reminder"));
        Assert.StartsWith("Reminder: Evening circle on ", mail.Subject);
        Assert.EndsWith("(Europe/Berlin)", mail.Subject);
        Assert.Empty(await RemindersAsync(gus.Id));
        Assert.Equal(0, await CountAsync(nan, "session-reminder"));
        Assert.Equal(1, await CountAsync(gus, "session-reminder"));
    }

    [Fact]
    public async Task A_cancellation_reaches_those_who_were_coming_and_takes_their_reminders()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var nan = await _community.RegisterAsync(TestPerson.New("Nan"));
        var studioId = await _community.StudioAsync(fay);
        var startsAt = _community.Now.AddDays(2);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Saturday circle");
        await _community.RsvpAsync(studioId, sessionId, gus, "going");
        await _community.RsvpAsync(studioId, sessionId, nan, "not-going");
        Assert.Equal(2, (await RemindersAsync(gus.Id)).Count);

        await fixture.Bus.PublishAsync(new SessionCancelled(sessionId, studioId, startsAt, "The room is flooded.", _community.Now, "facilitator"));

        var mail = Assert.Single(await MailsAsync(gus, "session-cancelled"));
        Assert.StartsWith("Cancelled: Saturday circle on ", mail.Subject);
        Assert.Contains("The room is flooded.", mail.Text);
        Assert.Empty(await RemindersAsync(gus.Id));
        Assert.Equal(0, await CountAsync(nan, "session-cancelled"));
    }

    // Answers and cancellations travel on separate queues: a "going" given just before the cancellation can be consumed
    // after it. The event names who was coming, so the late answer's owner is told all the same, and gets no reminders.
    [Fact]
    public async Task A_cancellation_reaches_those_it_names_even_before_their_answer_arrives()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var studioId = await _community.StudioAsync(fay);
        var startsAt = _community.Now.AddDays(2);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Monday circle");
        var answeredAt = _community.Now;

        await _community.PublishAsync(new SessionCancelled(sessionId, studioId, startsAt, "The hall is closed.", answeredAt.AddSeconds(1),
            "facilitator", [gus.Id]));
        await _community.PublishAsync(new RsvpChanged(sessionId, studioId, gus.Id, null, "going", answeredAt));

        var mail = Assert.Single(await MailsAsync(gus, "session-cancelled"));
        Assert.StartsWith("Cancelled: Monday circle on ", mail.Subject);
        Assert.Empty(await RemindersAsync(gus.Id));
    }

    [Fact]
    public async Task A_reschedule_reaches_those_it_names_even_before_their_answer_arrives()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var studioId = await _community.StudioAsync(fay);
        var startsAt = _community.Now.AddDays(2);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Friday circle");
        var answeredAt = _community.Now;
        var movedTo = startsAt.AddDays(1);

        await _community.PublishAsync(new SessionRescheduled(sessionId, studioId, startsAt, movedTo, movedTo.AddHours(1), 1,
            answeredAt.AddSeconds(1), [gus.Id]));
        await _community.PublishAsync(new RsvpChanged(sessionId, studioId, gus.Id, null, "going", answeredAt));

        Assert.Single(await MailsAsync(gus, "session-rescheduled"));
        var reminders = await RemindersAsync(gus.Id);
        Assert.Equal([movedTo.AddHours(-24), movedTo.AddHours(-1)], reminders.Select(r => r.DueAt));
    }

    [Fact]
    public async Task A_reschedule_is_announced_and_moves_the_reminders()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var gus = await _community.RegisterAsync(TestPerson.New("Gus"));
        var studioId = await _community.StudioAsync(fay);
        var startsAt = _community.Now.AddDays(2);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Sunday circle");
        await _community.RsvpAsync(studioId, sessionId, gus, "going");
        Assert.Equal(2, (await RemindersAsync(gus.Id)).Count);

        var movedTo = startsAt.AddDays(1).AddHours(2);
        await fixture.Bus.PublishAsync(new SessionRescheduled(sessionId, studioId, startsAt, movedTo, movedTo.AddHours(1), 1, _community.Now));

        var mail = Assert.Single(await MailsAsync(gus, "session-rescheduled"));
        Assert.StartsWith("Moved: Sunday circle is now on ", mail.Subject);
        var reminders = await RemindersAsync(gus.Id);
        Assert.Equal([movedTo.AddHours(-24), movedTo.AddHours(-1)], reminders.Select(r => r.DueAt));
    }

    [Fact]
    public async Task Approval_and_decline_reach_the_proposer()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay, name: "Singing Together");
        var approved = Assert.Single(await MailsAsync(fay, "studio-approved"));
        Assert.Equal("Singing Together is approved", approved.Subject);

        var dan = await _community.RegisterAsync(TestPerson.New("Dan"));
        var declinedId = Guid.NewGuid();
        await _community.PublishAsync(new StudioProposed(declinedId, "Shouting Together", "Loud.", "Voice", "Weekly", 10, "Europe/Berlin",
            dan.Id, dan.Id, _community.Now));
        await fixture.Bus.PublishAsync(new StudioDeclined(declinedId, "Too close to Singing Together.", Guid.NewGuid(), _community.Now));
        var declined = Assert.Single(await MailsAsync(dan, "studio-declined"));
        Assert.Equal("Shouting Together was not approved", declined.Subject);
        Assert.Contains("Too close to Singing Together.", declined.Text);
        Assert.Equal(1, await CountAsync(fay, "studio-approved"));
    }

    [Fact]
    public async Task Pausing_and_retiring_reach_the_members_even_as_the_roster_closes()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var ola = await _community.RegisterAsync(TestPerson.New("Ola"));
        var studioId = await _community.StudioAsync(fay, name: "Night Walks");
        await _community.JoinAsync(studioId, ola);

        await fixture.Bus.PublishAsync(new StudioPaused(studioId, "Winter break.", Guid.NewGuid(), _community.Now));
        var paused = Assert.Single(await MailsAsync(ola, "studio-paused"));
        Assert.Equal("Night Walks is paused", paused.Subject);

        // Membership closes the roster as the studio retires; the leave may arrive first.
        await _community.PublishAsync(new MemberLeftStudio(studioId, ola.Id, "participant", "studio-retired", _community.Now));
        await fixture.Bus.PublishAsync(new StudioRetired(studioId, "We walked enough.", Guid.NewGuid(), _community.Now));
        foreach (var member in new[] { fay, ola })
            Assert.Equal("Night Walks has come to an end", Assert.Single(await MailsAsync(member, "studio-retired")).Subject);
    }

    [Fact]
    public async Task At_risk_and_dormant_alert_the_stewards_with_the_reasons()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var sam = await _community.RegisterAsync(TestPerson.New("Sam"));
        var studioId = await _community.StudioAsync(fay, steward: sam, name: "Quiet Mornings");

        await fixture.Bus.PublishAsync(new StudioHealthChanged(studioId, "steady", "at-risk", 42,
            ["Score below 50.", "Attendance 40% over the last 4 held sessions."], _community.Now));
        var atRisk = Assert.Single(await MailsAsync(sam, "studio-at-risk"));
        Assert.Equal("At risk: Quiet Mornings (score 42)", atRisk.Subject);
        Assert.Contains("- Attendance 40% over the last 4 held sessions.", atRisk.Text);
        Assert.Contains("<li>Score below 50.</li>", atRisk.Html);

        await fixture.Bus.PublishAsync(new StudioHealthChanged(studioId, "at-risk", "dormant", 30, ["No session held in 30 days."], _community.Now));
        var dormant = Assert.Single(await MailsAsync(sam, "studio-dormant"));
        Assert.Equal("Dormant: Quiet Mornings", dormant.Subject);
        Assert.Equal(0, await CountAsync(fay, "studio-at-risk"));
    }

    [Fact]
    public async Task Each_steward_gets_one_weekly_digest_of_their_studios_and_follow_ups()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var sam = await _community.RegisterAsync(TestPerson.New("Sam"));
        var studioId = await _community.StudioAsync(fay, name: "Letter Writing");
        // A digest is due from Monday 08:00 in the steward's zone: early on a Monday, the test moves on to later that day.
        if (DigestWeeks.Due(LocalTimes.LocalDateTime(_community.Now, sam.TimeZone)) is null) fixture.Time.Offset += TimeSpan.FromHours(9);
        var today = DateOnly.FromDateTime(_community.Now.UtcDateTime);
        var done = Guid.NewGuid();
        // What the digest reports is in the read model before Sam becomes the studio's steward (the digest is due at once).
        await _community.PublishAsync(new StudioHealthChanged(studioId, null, "steady", 61, ["Attendance could be better."], _community.Now));
        await _community.PublishAsync(new FollowUpAgreed(Guid.NewGuid(), studioId, sam.Id, today.AddDays(-3), _community.Now));
        await _community.PublishAsync(new FollowUpAgreed(Guid.NewGuid(), studioId, sam.Id, today.AddDays(7), _community.Now));
        await _community.PublishAsync(new FollowUpAgreed(done, studioId, sam.Id, today.AddDays(1), _community.Now));
        await _community.PublishAsync(new FollowUpCompleted(done, studioId, sam.Id, _community.Now));

        await fixture.Bus.PublishAsync(new StewardAssigned(studioId, sam.Id, null, _community.Now));

        var digest = Assert.Single(await MailsAsync(sam, "steward-digest"));
        Assert.StartsWith("Your studios this week (", digest.Subject);
        Assert.Contains("- Letter Writing: steady (61/100) - Attendance could be better.", digest.Text);
        Assert.Contains("Open follow-ups: 2, of which overdue: 1.", digest.Text);
        // Later passes (the one that finds Fay, a new steward) add no second digest for the week.
        await _community.PublishAsync(new StewardAssigned(studioId, fay.Id, null, _community.Now));
        await Testing.Eventually.TrueAsync(async () => (await fixture.MailStatusesAsync(fay.Id, "steward-digest")).Count == 1,
            NotificationsFixture.Patience, "Fay's digest too");
        Assert.Equal(1, await CountAsync(sam, "steward-digest"));
    }

    [Fact]
    public async Task A_mail_is_written_in_the_persons_locale_and_time_zone_with_english_as_the_fallback()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var dora = await _community.RegisterAsync(TestPerson.New("Dora", "Europe/Vienna", "de-AT"));
        var yuki = await _community.RegisterAsync(TestPerson.New("Yuki", "Asia/Tokyo", "ja-JP"));
        var studioId = await _community.StudioAsync(fay, name: "Atemraum");
        var startsAt = new DateTimeOffset(2031, 3, 4, 18, 30, 0, TimeSpan.Zero);
        var sessionId = await _community.SessionAsync(studioId, startsAt, "Atemkreis");
        await _community.RsvpAsync(studioId, sessionId, dora, "going");
        await _community.RsvpAsync(studioId, sessionId, yuki, "going");

        await fixture.Bus.PublishAsync(new SessionCancelled(sessionId, studioId, startsAt, "Krank.", _community.Now, "facilitator"));

        var german = Assert.Single(await MailsAsync(dora, "session-cancelled"));
        Assert.StartsWith("Abgesagt: Atemkreis am Dienstag, 4. März 2031", german.Subject);
        Assert.EndsWith("19:30 (Europe/Vienna)", german.Subject);
        Assert.Contains("Grund: Krank.", german.Text);
        Assert.Contains("Keine E-Mails dieser Art mehr", german.Text);
        // No Japanese template: English words, and English dates to match them, in Yuki's own zone (the next morning there).
        var fallback = Assert.Single(await MailsAsync(yuki, "session-cancelled"));
        Assert.Equal("Cancelled: Atemkreis on Wednesday, 5 March 2031, 03:30 (Asia/Tokyo)", fallback.Subject);
    }

    private async Task<IReadOnlyList<(DateTimeOffset DueAt, int Minutes)>> RemindersAsync(Guid personId)
    {
        await using var connection = await fixture.OpenDatabaseAsync();
        var rows = await Dapper.SqlMapper.QueryAsync<(DateTime DueAt, int Minutes)>(connection,
            "SELECT due_at, minutes_before FROM reminders WHERE person_id = @personId ORDER BY due_at", new { personId });
        return rows.Select(r => (new DateTimeOffset(DateTime.SpecifyKind(r.DueAt, DateTimeKind.Utc)), r.Minutes)).ToList();
    }
}
