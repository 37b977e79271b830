using MassTransit;
using Studios.PracticeContent.Data;
using Studios.Stewardship.Contracts;

namespace Studios.PracticeContent.Consumers;

/// <summary>A retired studio takes no new or changed session plans (even if its approval arrives later).</summary>
public sealed class StudioRetiredConsumer(InboxTransaction inbox, StudioRepository studios) : IConsumer<StudioRetired>
{
    public Task Consume(ConsumeContext<StudioRetired> context) =>
        studios.RetireAsync(inbox.Transaction, context.Message.StudioId, context.Message.OccurredAt, context.CancellationToken);
}
