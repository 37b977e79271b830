using MassTransit;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Stewardship.Contracts;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>A retired studio's upcoming sessions are cancelled and its series end, for good.</summary>
public sealed class StudioRetiredConsumer(InboxTransaction inbox, StudioRepository studios, Cancellations cancellations)
    : IConsumer<StudioRetired>
{
    public async Task Consume(ConsumeContext<StudioRetired> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!await studios.SetStatusAsync(inbox.Transaction, m.StudioId, StudioStatus.Retired, m.OccurredAt, ct)) return;
        var reason = m.Reason is { Length: > 0 } ? $"The studio was retired: {m.Reason}" : "The studio was retired.";
        await cancellations.CancelUpcomingAsync(inbox.Transaction, m.StudioId, reason, CancelCause.StudioRetired, ct);
        await cancellations.EndSeriesAsync(inbox.Transaction, m.StudioId, ct);
    }
}
