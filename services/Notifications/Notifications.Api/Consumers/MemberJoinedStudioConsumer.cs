using MassTransit;
using Studios.Membership.Contracts;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;

namespace Studios.Notifications.Consumers;

/// <summary>The roster (who hears about the studio); someone moved up from the waitlist is told their place is theirs.</summary>
public sealed class MemberJoinedStudioConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier)
    : IConsumer<MemberJoinedStudio>
{
    public const string FromWaitlist = "waitlist";

    public async Task Consume(ConsumeContext<MemberJoinedStudio> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        await studios.SetMemberAsync(inbox.Transaction, m.StudioId, m.PersonId, m.Role, active: true, null, m.OccurredAt, ct);
        if (m.JoinedVia == FromWaitlist)
            await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.WaitlistPromoted, [m.PersonId], EventKeys.Of(m),
                new MailFacts { StudioId = m.StudioId }, ct);
    }
}
