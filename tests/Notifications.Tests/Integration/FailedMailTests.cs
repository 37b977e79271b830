using System.Net;
using Studios.ServiceDefaults.Audit;
using Studios.ServiceDefaults.Http;
using Studios.Notifications.Telemetry;
using Studios.Testing;
using Studios.Testing.Telemetry;

namespace Studios.Notifications.Tests.Integration;

/// <summary>A mail that failed every attempt is visible (metric, operator list) and an operator sends it again.</summary>
[Trait("Category", "Integration")]
public sealed class FailedMailTests(FailedMailFixture fixture) : IClassFixture<FailedMailFixture>
{
    private const string Mails = "/api/operations/mails";
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task Failed_mails_are_listed_for_operators_and_sent_when_resent()
    {
        using var metrics = new MetricRecorder(fixture.Factory.Services, NotificationsMetrics.MeterName);
        var operatorId = Guid.NewGuid();
        using var operatorClient = fixture.Factory.ClientFor(operatorId, "Olu", "operator");
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var ida = await _community.RegisterAsync(TestPerson.New("Ida"));
        var ned = await _community.RegisterAsync(TestPerson.New("Ned"));
        await fixture.MailServer.StopAsync();
        var studioId = await _community.StudioAsync(fay, name: "Long Walks");
        await _community.JoinAsync(studioId, ida, via: "waitlist");
        await _community.JoinAsync(studioId, ned, via: "waitlist");

        MailPage failed = new([], null);
        await Eventually.TrueAsync(async () =>
        {
            failed = await (await operatorClient.GetAsync($"{Mails}?status=failed&limit=2")).ReadAsync<MailPage>();
            return failed.Items.Count == 2 && failed.NextCursor is not null;
        }, NotificationsFixture.Patience, "the three mails to fail");
        var rest = await (await operatorClient.GetAsync($"{Mails}?status=failed&cursor={failed.NextCursor}")).ReadAsync<MailPage>();
        var all = failed.Items.Concat(rest.Items).ToList();
        Assert.Equal(["studio-approved", "waitlist-promoted", "waitlist-promoted"], all.Select(m => m.Kind).Order());
        Assert.All(all, m => Assert.Equal(2, m.Attempts));
        Assert.All(all, m => Assert.DoesNotContain("@", m.LastError));
        Assert.Equal(3, metrics.Counter("notifications.failed", "kind=studio-approved,outcome=gave-up")
                        + metrics.Counter("notifications.failed", "kind=waitlist-promoted,outcome=gave-up"));

        await fixture.MailServer.StartAgainAsync();
        var ida1 = all.Single(m => m.PersonId == ida.Id);
        var resent = await (await operatorClient.PostAsync($"{Mails}/{ida1.Id}/resend", null)).ReadAsync<MailRecord>(HttpStatusCode.Accepted);
        Assert.Equal(("pending", 0), (resent.Status, resent.Attempts));
        await fixture.Mailbox.WaitForAsync(ida.Email);
        Assert.Equal(2, (await (await operatorClient.PostAsync($"{Mails}/resend-failed", null)).ReadAsync<ResendCount>()).Resent);

        foreach (var person in new[] { fay, ida, ned })
        {
            await fixture.Mailbox.WaitForAsync(person.Email);
            await fixture.SettledAsync(person.Id);
            Assert.Single(await fixture.Mailbox.ToAsync(person.Email));
        }
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"{Mails}/{ida1.Id}/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsync($"{Mails}/{Guid.NewGuid()}/resend", null)).StatusCode);

        // Both resends are in the audit trail (the refused ones are not), newest first.
        var audit = await (await operatorClient.GetAsync($"{AuditEndpoints.Path}?personId={operatorId}")).ReadAsync<Page<AuditRecord>>();
        Assert.Equal([AuditActions.FailedMailsResent, AuditActions.MailResent], audit.Items.Select(r => r.Action));
        Assert.Equal(2, audit.Items[0].Detail!.Value.GetProperty("resent").GetInt32());
        Assert.Equal(ida1.Id, audit.Items[1].Detail!.Value.GetProperty("mailId").GetGuid());
    }

    [Fact]
    public async Task Only_operators_see_the_mails_and_bad_queries_name_the_field()
    {
        using var operatorClient = fixture.Factory.ClientFor(Guid.NewGuid(), "Olu", "operator");
        using var participant = fixture.Factory.ClientFor(Guid.NewGuid(), "Pia", "participant");

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(Mails)).StatusCode);
        var errors = await (await operatorClient.GetAsync($"{Mails}?status=lost&limit=0&cursor=nonsense")).FieldErrorsAsync();
        Assert.Equal(["cursor", "limit", "status"], errors.Keys.Order());
    }

    private sealed record ResendCount(int Resent);
}
