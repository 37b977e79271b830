using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;

namespace Studios.Notifications.Consumers;

/// <summary>The studio's facilitators and co-facilitators hear of a request to join.</summary>
public sealed class JoinRequestedConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier) : IConsumer<JoinRequested>
{
    public async Task Consume(ConsumeContext<JoinRequested> context)
    {
        var m = context.Message;
        var facilitators = await studios.MembersAsync(inbox.Connection, m.StudioId, [StudioRoles.Facilitator, StudioRoles.CoFacilitator],
            null, context.CancellationToken);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.JoinRequestReceived, facilitators, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, OtherPersonId = m.PersonId }, context.CancellationToken);
    }
}
