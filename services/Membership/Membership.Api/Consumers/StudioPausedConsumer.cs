using MassTransit;
using Studios.Membership.Data;
using Studios.Stewardship.Contracts;

namespace Studios.Membership.Consumers;

/// <summary>A paused studio takes no new members and promotes nobody from its waitlist until it resumes.</summary>
public sealed class StudioPausedConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StudioPaused>
{
    public Task Consume(ConsumeContext<StudioPaused> context) =>
        studios.SetPausedAsync(inbox.Transaction, context.Message.StudioId, paused: true,
            context.Message.OccurredAt.ToUniversalTime(), context.CancellationToken);
}
