using MassTransit;
using Studios.PracticeContent.Data;
using Studios.Scheduling.Contracts;

namespace Studios.PracticeContent.Consumers;

/// <summary>Practice usage. A corrected SessionHeld (same SessionId, later OccurredAt) replaces the session's
/// contribution; an older one arriving late is ignored.</summary>
public sealed class SessionHeldConsumer(InboxTransaction inbox, UsageRepository usage, ILogger<SessionHeldConsumer> logger)
    : IConsumer<SessionHeld>
{
    public async Task Consume(ConsumeContext<SessionHeld> context)
    {
        var message = context.Message;
        var session = new HeldSession(message.SessionId, message.StudioId, message.StartsAt, message.Present + message.Late,
            message.OccurredAt, (message.PracticesUsed ?? []).Select(used => (used.PracticeId, used.Version)).ToList());
        if (!await usage.ApplySessionAsync(inbox.Transaction, session, context.CancellationToken))
        {
            logger.LogInformation("SessionHeld for {SessionId} from {OccurredAt} is older than the report already applied; ignored",
                message.SessionId, message.OccurredAt);
        }
    }
}
