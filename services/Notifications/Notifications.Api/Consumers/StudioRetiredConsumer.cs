using MassTransit;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Features;
using Studios.Stewardship.Contracts;

namespace Studios.Notifications.Consumers;

/// <summary>The studio's members hear it is retired. Membership closes the roster at the same time (MemberLeftStudio,
/// reason studio-retired), possibly before this arrives: those members are told too.</summary>
public sealed class StudioRetiredConsumer(InboxTransaction inbox, StudioRepository studios, Notifier notifier) : IConsumer<StudioRetired>
{
    public const string RetiredReason = "studio-retired";

    public async Task Consume(ConsumeContext<StudioRetired> context)
    {
        var m = context.Message;
        var members = await studios.MembersAsync(inbox.Connection, m.StudioId, [], RetiredReason, context.CancellationToken);
        await notifier.NotifyAsync(inbox.Transaction, NotificationKinds.StudioRetired, members, EventKeys.Of(m),
            new MailFacts { StudioId = m.StudioId, Reason = m.Reason }, context.CancellationToken);
    }
}
