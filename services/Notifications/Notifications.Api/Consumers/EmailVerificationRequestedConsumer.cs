using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;

namespace Studios.Notifications.Consumers;

/// <summary>The verification link goes to the address that was given, not to the person's (verified) address: proving that
/// this mailbox receives it is the point. Addressed to the address only, so its unsubscribe link opts the address out.</summary>
public sealed class EmailVerificationRequestedConsumer(InboxTransaction inbox, Notifier notifier) : IConsumer<EmailVerificationRequested>
{
    public Task Consume(ConsumeContext<EmailVerificationRequested> context)
    {
        var m = context.Message;
        return notifier.NotifyAddressAsync(inbox.Transaction, NotificationKinds.EmailVerification, m.Email, null, EventKeys.Of(m),
            new MailFacts { Token = m.Token, At = m.ExpiresAt }, context.CancellationToken);
    }
}
