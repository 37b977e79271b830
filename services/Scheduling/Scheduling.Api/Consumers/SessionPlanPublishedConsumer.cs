using MassTransit;
using Studios.PracticeContent.Contracts;
using Studios.Scheduling.Data;

namespace Studios.Scheduling.Consumers;

/// <summary>Keeps published plans so facilitators can attach them; SessionHeld names the practices of the attached plan.</summary>
public sealed class SessionPlanPublishedConsumer(InboxTransaction inbox, PlanRepository plans) : IConsumer<SessionPlanPublished>
{
    public Task Consume(ConsumeContext<SessionPlanPublished> context) =>
        plans.UpsertAsync(inbox.Transaction, context.Message, context.CancellationToken);
}
