using Microsoft.Extensions.Options;
using Studios.Membership.Contracts;
using Studios.Membership.Data;
using Studios.Membership.Domain;
using Studios.Membership.Extensions;

namespace Studios.Membership.Features;

/// <summary>Claims an address for a person and has the verification link mailed to it (EmailVerificationRequested, which
/// Notifications turns into the mail), in the caller's transaction; the caller holds the person's lock.</summary>
public sealed class EmailVerifications(EmailVerificationRepository verifications, Outbox outbox, IOptions<MembershipOptions> options)
{
    /// <summary>Records <paramref name="email"/> as the person's claim and mails it a new link; returns when the link expires.</summary>
    public async Task<DateTimeOffset> ClaimAsync(NpgsqlTransaction transaction, Guid personId, string email, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (token, hash) = LinkTokens.New();
        var expiresAt = now + options.Value.EmailVerificationLifetime;
        await verifications.SaveClaimAsync(transaction, personId, email, now, cancellationToken);
        await verifications.InsertLinkAsync(transaction, hash, new EmailVerificationRow(personId, email, now, expiresAt, null), cancellationToken);
        // The token leaves here only in this event, for the mail.
        await outbox.EnqueueAsync(transaction, new EmailVerificationRequested(personId, email, token, expiresAt, now), cancellationToken);
        return expiresAt;
    }
}
