using Studios.Notifications.Domain;

namespace Studios.Notifications.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class MailTemplatesTests
{
    /// <summary>Every template: each kind, and the three outcomes of a join request.</summary>
    public static TheoryData<string> Templates() =>
    [
        .. NotificationKinds.All.Where(kind => kind != NotificationKinds.JoinRequestDecided),
        "join-request-approved", "join-request-waitlisted", "join-request-declined", NotificationKinds.EmailVerification,
    ];

    private static readonly string[] Placeholders =
    [
        "name", "studio", "session", "reason", "unsubscribeUrl", "preferencesUrl", "studioUrl", "studiosUrl", "sessionUrl", "healthUrl",
        "reviewUrl", "followUpsUrl", "acceptUrl", "verifyUrl", "role", "score", "reasons", "week", "startsAt", "expiresAt", "previousStartsAt",
        "requester", "inviter", "studios", "openFollowUps", "overdueFollowUps",
    ];

    private static Dictionary<string, TemplateValue> Values(string value = "x") =>
        Placeholders.ToDictionary(name => name, name => TemplateValue.Of($"{name}:{value}"));

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_exists_in_english_and_german_and_fills_every_placeholder(string template)
    {
        Assert.Equal(["de", "en"], MailTemplates.LocalesOf(template));
        foreach (var locale in new[] { "en", "de" })
        {
            var mail = MailTemplates.Render(template, locale, Values());
            Assert.Equal(locale, mail.Locale);
            Assert.False(string.IsNullOrWhiteSpace(mail.Subject));
            Assert.DoesNotContain('\n', mail.Subject);
            Assert.DoesNotContain("{{", mail.Subject + mail.Text + mail.Html);
            Assert.Contains("unsubscribeUrl:x", mail.Text);
            Assert.Contains("href=\"unsubscribeUrl:x\"", mail.Html);
        }
    }

    [Theory]
    [InlineData("de-AT", "de")]
    [InlineData("DE", "de")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    public void A_person_gets_their_locale_else_their_language_else_english(string? locale, string chosen) =>
        Assert.Equal(chosen, MailTemplates.Render("session-reminder", locale, Values()).Locale);

    [Fact]
    public void Values_are_html_encoded_in_the_html_body_only()
    {
        var values = Values();
        values["studio"] = TemplateValue.Of("<Rock & Roll>");

        var mail = MailTemplates.Render("studio-paused", "en", values);

        Assert.Equal("<Rock & Roll> is paused", mail.Subject);
        Assert.Contains("&lt;Rock &amp; Roll&gt;", mail.Html);
        Assert.DoesNotContain("<Rock", mail.Html);
    }

    [Fact]
    public void A_missing_value_is_a_bug_not_a_blank() =>
        Assert.Throws<InvalidOperationException>(() => MailTemplates.Render("studio-paused", "en", new Dictionary<string, TemplateValue>()));
}
