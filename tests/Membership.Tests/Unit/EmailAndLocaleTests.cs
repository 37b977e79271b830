using Studios.Membership.Domain;

namespace Studios.Membership.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class EmailAndLocaleTests
{
    [Theory]
    [InlineData("  Ada@Example.ORG ", "ada@example.org")]
    [InlineData("grace.hopper+studios@navy.mil", "grace.hopper+studios@navy.mil")]
    public void Emails_are_compared_trimmed_and_lower_case(string entered, string normalized) =>
        Assert.Equal(normalized, EmailAddresses.Normalize(entered));

    [Theory]
    [InlineData("ada@example.org", true)]
    [InlineData(" Ada@Example.org ", true)]
    [InlineData("rené@exämple.de", true)]
    [InlineData("ada@example", false)]
    [InlineData("ada example@example.org", false)]
    [InlineData("ada@@example.org", false)]
    [InlineData("@example.org", false)]
    [InlineData("ada@", false)]
    [InlineData("ada@-example.org", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Email_shape_is_checked(string? email, bool valid) => Assert.Equal(valid, EmailAddresses.IsValid(email));

    [Fact]
    public void Overlong_emails_are_refused() =>
        Assert.False(EmailAddresses.IsValid(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org"));

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("pt-BR", true)]
    [InlineData("e", false)]
    [InlineData("english!", false)]
    [InlineData("en_GB", false)]
    [InlineData("en-", false)]
    [InlineData(null, false)]
    public void Locales_are_language_tags(string? locale, bool valid) => Assert.Equal(valid, Locales.IsValid(locale));

    [Fact]
    public void A_profile_reports_every_invalid_field()
    {
        var errors = PersonProfile.Validate("", "not-an-email", "Mars/Olympus", "x").ToDictionary();
        Assert.Equal(["displayName", "email", "locale", "timeZone"], errors.Keys.Order());
    }

    [Fact]
    public void A_valid_profile_is_trimmed_and_normalised()
    {
        Assert.False(PersonProfile.Validate(" Ada ", "Ada@Example.org", "Europe/London", "en-GB").Any);
        var profile = PersonProfile.From(" Ada ", " Ada@Example.org", " Europe/London ", "en-GB ");
        Assert.Equal(new PersonProfile("Ada", "ada@example.org", "Europe/London", "en-GB"), profile);
    }

    [Fact]
    public void Display_names_are_limited_and_plain()
    {
        Assert.True(PersonProfile.Validate(new string('a', 101), "a@b.org", "UTC", "en").Any);
        Assert.True(PersonProfile.Validate("Ada\u0007", "a@b.org", "UTC", "en").Any);
        Assert.False(PersonProfile.Validate(new string('a', 100), "a@b.org", "UTC", "en").Any);
    }
}
