using System.Net;
using Studios.Membership.Contracts;
using Studios.Notifications.Telemetry;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Notifications.Tests.Integration;

/// <summary>The mail server stopped for a while: sends fail and are retried (counted, logged, listed for operators), and
/// once it is back every mail arrives, once.</summary>
[Trait("Category", "Integration")]
public sealed class MailOutageTests(MailOutageFixture fixture) : IClassFixture<MailOutageFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Nothing_is_lost_while_the_mail_server_is_down()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, NotificationsMetrics.MeterName);
        using var operatorClient = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu", "operator");
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay, name: "Patient Hands");
        await fixture.Mailbox.WaitForAsync(fay.Email);
        var waiting = new List<TestPerson>();
        for (var i = 0; i < 5; i++) waiting.Add(await _community.RegisterAsync(TestPerson.New($"Wes{i}")));

        await fixture.MailServer.StopAsync();
        foreach (var person in waiting) await _community.JoinAsync(studioId, person, via: "waitlist");

        // Every mail is tried, fails, and is tried again.
        await Eventually.TrueAsync(async () =>
        {
            var pending = await (await operatorClient.GetAsync("/api/operations/mails?status=pending")).ReadAsync<MailPage>();
            return pending.Items.Count(m => m.Kind == "waitlist-promoted" && m.Attempts >= 2 && m.LastError is not null) == 5;
        }, NotificationsFixture.Patience, "five promotions retried while the server is down");
        Assert.True(metrics.Counter("notifications.failed", "kind=waitlist-promoted,outcome=retrying") >= 10);
        Assert.Equal(0, metrics.Counter("notifications.sent", "kind=waitlist-promoted"));

        await fixture.MailServer.StartAgainAsync();

        foreach (var person in waiting)
        {
            await fixture.Mailbox.WaitForAsync(person.Email);
            await fixture.SettledAsync(person.Id);
            Assert.Equal("A place in Patient Hands is yours", Assert.Single(await fixture.Mailbox.ToAsync(person.Email)).Subject);
        }
        Assert.Equal(5, metrics.Counter("notifications.sent", "kind=waitlist-promoted"));
        // Failures were logged (by mail id and kind), traces were recorded, and no address is in any of it.
        var telltales = fixture.Factory.Telltales;
        Assert.NotEmpty(telltales.Containing("not sent (attempt"));
        Assert.NotEmpty(telltales.Containing("notifications.delivery"));
        Assert.Empty(telltales.Containing("@example.test"));
        // The mail sent before the outage is still in the server's data folder, and was not sent again.
        Assert.Single(await fixture.Mailbox.ToAsync(fay.Email));
    }
}
