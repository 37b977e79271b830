using Studios.Notifications.Domain;

namespace Studios.Notifications.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class AddressesAndTimesTests
{
    [Theory]
    [InlineData("smtp://127.0.0.1:2525", "127.0.0.1", 2525, false, null, null)]
    [InlineData("smtp://mail.example.org", "mail.example.org", 25, false, null, null)]
    [InlineData("smtps://relay.example.org", "relay.example.org", 465, true, null, null)]
    [InlineData("smtp://studios:s%40cret@relay.example.org:587", "relay.example.org", 587, false, "studios", "s@cret")]
    public void The_mail_server_comes_from_an_smtp_uri(string uri, string host, int port, bool tls, string? user, string? password)
    {
        Assert.True(MailServerAddress.TryParse(uri, out var address));
        Assert.Equal(new MailServerAddress(host, port, tls, user, password), address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1:25")]
    [InlineData("http://mail.example.org")]
    public void Anything_else_is_refused(string? value) => Assert.False(MailServerAddress.TryParse(value, out _));

    [Fact]
    public void A_time_is_shown_in_the_persons_zone_and_locale()
    {
        var instant = new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.Zero);
        Assert.Equal("Wednesday, 1 July 2026, 19:00 (Europe/Berlin)", LocalTimes.Format(instant, "Europe/Berlin", "en-GB"));
        Assert.Equal("Mittwoch, 1. Juli 2026, 13:00 (America/New_York)", LocalTimes.Format(instant, "America/New_York", "de-DE"));
        Assert.Equal("Wednesday, 1 July 2026, 17:00 (UTC)", LocalTimes.Format(instant, "Mars/Olympus", "xx-nonsense-tag"));
    }

    [Theory]
    [InlineData("2026-03-30T07:59:00", null)]
    [InlineData("2026-03-30T08:00:00", "2026-W14")]
    [InlineData("2026-04-05T23:00:00", "2026-W14")]
    [InlineData("2027-01-01T12:00:00", "2026-W53")]
    public void A_weeks_digest_is_due_from_monday_eight_oclock(string local, string? week) =>
        Assert.Equal(week, DigestWeeks.Due(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_events_key_is_its_content_not_its_message_id()
    {
        var at = DateTimeOffset.UnixEpoch;
        var studio = Guid.NewGuid();
        Assert.Equal(EventKeys.Of(new Sample(studio, at)), EventKeys.Of(new Sample(studio, at)));
        Assert.NotEqual(EventKeys.Of(new Sample(studio, at)), EventKeys.Of(new Sample(studio, at.AddTicks(1))));
    }

    private sealed record Sample(Guid StudioId, DateTimeOffset OccurredAt);
}
