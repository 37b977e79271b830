using Studios.Membership.Contracts;
using Studios.Notifications.Domain;
using Studios.Testing;
using Studios.Testing.Mail;

namespace Studios.Notifications.Tests.Integration;

/// <summary>The verification mail goes to the address someone gave, with the link that verifies it; every other personal mail
/// goes only to an address the person verified.</summary>
[Trait("Category", "Integration")]
public sealed class EmailVerificationMailTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private readonly Community _community = new(fixture);

    [Fact]
    public async Task The_given_address_gets_the_verification_link_once()
    {
        var vera = TestPerson.New("Vera");
        var token = $"tok-{Guid.NewGuid():N}";
        var requested = new EmailVerificationRequested(vera.Id, vera.Email, token, _community.Now.AddDays(2), _community.Now);
        await fixture.Bus.PublishAsync(new PersonRegistered(vera.Id, vera.Name, vera.TimeZone, vera.Locale, _community.Now));

        await fixture.Bus.PublishAsync(requested);
        await fixture.Bus.PublishAsync(requested, Guid.NewGuid());

        var mail = Assert.Single(await fixture.Mailbox.WaitForAsync(vera.Email));
        Assert.Equal("Confirm your email address for Studios", mail.Subject);
        Assert.Equal(NotificationKinds.EmailVerification, mail.Header("X-Studios-Notification"));
        Assert.Contains($"https://membership.test/api/email-verifications/{token}", mail.Text);
        Assert.Contains($"href=\"https://membership.test/api/email-verifications/{token}\"", mail.Html);
        Assert.Contains("can be used once and expires on", mail.Text);
        Assert.DoesNotContain(vera.Name, mail.Text);
        // The same event again (a copy under a new id) adds no second mail.
        await fixture.AllSettledAsync();
        Assert.Single(await fixture.Mailbox.ToAsync(vera.Email));
    }

    [Fact]
    public async Task Personal_mails_go_only_to_a_verified_address()
    {
        var fay = await _community.RegisterAsync(TestPerson.New("Fay"));
        var studioId = await _community.StudioAsync(fay, name: "Verified Voices");
        var uma = TestPerson.New("Uma");
        await _community.PublishAsync(new PersonRegistered(uma.Id, uma.Name, uma.TimeZone, uma.Locale, _community.Now));
        await _community.PublishAsync(new EmailVerificationRequested(uma.Id, uma.Email, "tok-uma", _community.Now.AddDays(2), _community.Now));
        var verification = Assert.Single(await fixture.Mailbox.WaitForAsync(uma.Email));

        // Not verified yet: the decision's mail waits for an address and is then skipped, never sent to the claim.
        await _community.PublishAsync(new JoinRequestDecided(Guid.NewGuid(), studioId, uma.Id, "approved", "active", fay.Id, _community.Now));
        Assert.Equal(["pending"], await fixture.MailStatusesAsync(uma.Id, "join-request-decided"));
        fixture.Time.Offset += TimeSpan.FromMinutes(11);
        await Eventually.TrueAsync(async () => (await fixture.MailStatusesAsync(uma.Id, "join-request-decided")).SequenceEqual(["skipped"]),
            NotificationsFixture.Patience, "the mail to an unverified address to be skipped");
        Assert.Equal([verification.Id], (await fixture.Mailbox.ToAsync(uma.Email)).Select(mail => mail.Id));

        // Verified: the next one arrives.
        await _community.PublishAsync(new PersonEmailVerified(uma.Id, uma.Email, _community.Now));
        await fixture.Bus.PublishAsync(new JoinRequestDecided(Guid.NewGuid(), studioId, uma.Id, "approved", "waitlisted", fay.Id, _community.Now));
        var decided = Assert.Single(await fixture.Mailbox.WaitForAsync(uma.Email, mail => mail.Header("X-Studios-Notification") == "join-request-decided"));
        Assert.Contains("Verified Voices", decided.Subject);
    }
}
