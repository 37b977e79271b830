using MassTransit;
using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;
using Studios.Stewardship.Contracts;
using Studios.Scheduling.Features;

namespace Studios.Scheduling.Consumers;

/// <summary>A paused studio holds no sessions: every upcoming one is cancelled (and restored if it resumes in time).</summary>
public sealed class StudioPausedConsumer(InboxTransaction inbox, StudioRepository studios, Cancellations cancellations)
    : IConsumer<StudioPaused>
{
    public async Task Consume(ConsumeContext<StudioPaused> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (!await studios.SetStatusAsync(inbox.Transaction, m.StudioId, StudioStatus.Paused, m.OccurredAt, ct)) return;
        await cancellations.CancelUpcomingAsync(inbox.Transaction, m.StudioId, $"The studio is paused: {m.Reason}",
            CancelCause.StudioPaused, ct);
    }
}
