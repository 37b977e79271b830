using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>Two instances of the service on one database and one set of queues: they share the events, the reminders and
/// the sending, and each mail still goes once.</summary>
[Trait("Category", "Integration")]
public sealed class TwoInstancesTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Two_instances_send_each_mail_once()
    {
        await using var second = fixture.NewInstance();
        await NotificationsFixture.WaitUntilReadyAsync(second);
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay, name: "Twin Peaks");
        var people = new List<TestPerson>();
        for (var i = 0; i < 12; i++) people.Add(await _community.RegisterAsync(TestPerson.New($"Pat{i}")));
        // Everyone goes to a session in two hours (its 1-hour reminders are ahead) and moves up from the waitlist.
        var sessionId = await _community.SessionAsync(studioId, _community.Now.AddHours(2), "Shared circle");
        foreach (var person in people)
        {
            await _community.RsvpAsync(studioId, sessionId, person, "going");
            await _community.JoinAsync(studioId, person, via: "waitlist");
        }

        // The reminders fall due at once, for both instances to share.
        fixture.Time.Offset += TimeSpan.FromMinutes(61);

        foreach (var person in people)
        {
            await fixture.Mailbox.WaitForAsync(person.Email, count: 2);
            await fixture.SettledAsync(person.Id);
            var mails = await fixture.Mailbox.ToAsync(person.Email);
            Assert.Equal(["session-reminder", "waitlist-promoted"], mails.Select(m => m.Header("X-Studios-Notification")).Order());
        }
    }
}
