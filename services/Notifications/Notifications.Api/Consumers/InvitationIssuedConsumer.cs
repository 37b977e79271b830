using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;

namespace Studios.Notifications.Consumers;

/// <summary>The invitee gets the accept link at the invited address, registered or not.</summary>
public sealed class InvitationIssuedConsumer(InboxTransaction inbox, Notifier notifier) : IConsumer<InvitationIssued>
{
    public Task Consume(ConsumeContext<InvitationIssued> context)
    {
        var m = context.Message;
        return notifier.NotifyAddressAsync(inbox.Transaction, NotificationKinds.Invitation, m.Email, m.InviteeId, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, OtherPersonId = m.InvitedBy, Role = m.Role, Token = m.Token, At = m.ExpiresAt },
            context.CancellationToken);
    }
}
