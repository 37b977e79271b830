using MassTransit;
using Studios.Membership.Data;
using Studios.Membership.Features;
using Studios.Membership.Telemetry;
using Studios.Stewardship.Contracts;

namespace Studios.Membership.Consumers;

/// <summary>A resumed studio opens again; places freed while it was paused go to the waitlist now.</summary>
public sealed class StudioResumedConsumer(InboxTransaction inbox, StudioRepository studios, Roster roster, MembershipMetrics metrics)
    : IConsumer<StudioResumed>
{
    public async Task Consume(ConsumeContext<StudioResumed> context)
    {
        var (message, transaction, ct) = (context.Message, inbox.Transaction, context.CancellationToken);
        if (!await studios.SetPausedAsync(transaction, message.StudioId, paused: false, message.OccurredAt.ToUniversalTime(), ct)) return;
        var studio = await studios.LockAsync(transaction, message.StudioId, ct);
        var tally = new RosterTally();
        await roster.PromoteAsync(transaction, studio!, tally, ct);
        metrics.Record(tally);
    }
}
