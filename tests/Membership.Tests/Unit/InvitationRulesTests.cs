using Studios.Membership.Domain;
using Studios.Membership.Extensions;

namespace Studios.Membership.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class InvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invitation_is_pending_until_accepted_revoked_or_expired()
    {
        var expires = Now.UtcDateTime.AddDays(1);
        Assert.Equal(InvitationStatus.Pending, InvitationStatus.Of(null, null, expires, Now));
        Assert.Equal(InvitationStatus.Accepted, InvitationStatus.Of(Now.UtcDateTime, null, expires, Now));
        Assert.Equal(InvitationStatus.Revoked, InvitationStatus.Of(null, Now.UtcDateTime, expires, Now));
        Assert.Equal(InvitationStatus.Expired, InvitationStatus.Of(null, null, expires, Now.AddDays(1)));
        Assert.Equal(InvitationStatus.Accepted, InvitationStatus.Of(Now.UtcDateTime, null, expires, Now.AddDays(2)));
    }

    [Fact]
    public void Tokens_are_random_url_safe_and_stored_only_as_their_hash()
    {
        var (token, hash) = LinkTokens.New();
        var (other, otherHash) = LinkTokens.New();
        Assert.NotEqual(token, other);
        Assert.NotEqual(hash, otherHash);
        Assert.Equal(43, token.Length); // 256 bits, base64url without padding
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(hash, LinkTokens.Hash(token));
        Assert.Equal(32, hash.Length);
        Assert.DoesNotContain(token, Convert.ToBase64String(hash));
    }

    [Fact]
    public void Invitations_last_fourteen_days_unless_configured() =>
        Assert.Equal(TimeSpan.FromDays(14), new MembershipOptions().InvitationLifetime);
}
