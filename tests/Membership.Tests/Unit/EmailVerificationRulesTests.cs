using Studios.Membership.Domain;

namespace Studios.Membership.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class EmailVerificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 60, "a@example.org", "a@example.org", EmailVerificationRules.Used)]
    [InlineData(false, 0, "a@example.org", "a@example.org", EmailVerificationRules.Expired)]
    [InlineData(false, 60, "a@example.org", "b@example.org", EmailVerificationRules.Superseded)]
    [InlineData(false, 60, "a@example.org", null, EmailVerificationRules.Superseded)]
    [InlineData(false, 60, "a@example.org", "a@example.org", EmailVerificationRules.Valid)]
    public void A_link_is_valid_only_unused_unexpired_and_for_the_address_still_claimed(
        bool used, int minutesLeft, string linkEmail, string? claimed, string expected) =>
        Assert.Equal(expected, EmailVerificationRules.StatusOf(used ? Now.AddMinutes(-1) : null, Now.AddMinutes(minutesLeft), linkEmail, claimed, Now));

    [Fact]
    public void The_mail_goes_again_only_after_the_interval()
    {
        var interval = TimeSpan.FromMinutes(1);
        Assert.Equal(TimeSpan.FromSeconds(45), EmailVerificationRules.WaitBeforeMailing(Now.AddSeconds(-15), interval, Now));
        Assert.Equal(TimeSpan.Zero, EmailVerificationRules.WaitBeforeMailing(Now.AddMinutes(-1), interval, Now));
        Assert.Equal(TimeSpan.Zero, EmailVerificationRules.WaitBeforeMailing(Now.AddHours(-3), interval, Now));
    }
}
