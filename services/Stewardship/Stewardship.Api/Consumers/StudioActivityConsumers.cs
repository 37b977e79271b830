using Studios.Membership.Contracts;
using Studios.PracticeContent.Contracts;
using Studios.Scheduling.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Consumers;

// The events that feed a studio's health, each a line: what it records.

/// <summary>A member joined: the roster, joins of the last 90 days and active facilitators change.</summary>
public sealed class MemberJoinedStudioConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<MemberJoinedStudio>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, MemberJoinedStudio message, CancellationToken ct)
    {
        await activity.MemberJoinedAsync(transaction, message.StudioId, message.PersonId, message.Role, message.OccurredAt, ct);
        return message.StudioId;
    }
}

/// <summary>A member left: the roster and leaves of the last 90 days change.</summary>
public sealed class MemberLeftStudioConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<MemberLeftStudio>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, MemberLeftStudio message, CancellationToken ct)
    {
        await activity.MemberLeftAsync(transaction, message.StudioId, message.PersonId, message.Role, message.OccurredAt, ct);
        return message.StudioId;
    }
}

/// <summary>A member's role changed: who counts as an active facilitator may change.</summary>
public sealed class MemberRoleChangedConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<MemberRoleChanged>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, MemberRoleChanged message, CancellationToken ct)
    {
        await activity.MemberRoleChangedAsync(transaction, message.StudioId, message.PersonId, message.Role, message.OccurredAt, ct);
        return message.StudioId;
    }
}

/// <summary>A session was scheduled: once its time passes it counts towards the cadence.</summary>
public sealed class SessionScheduledConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<SessionScheduled>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, SessionScheduled message, CancellationToken ct)
    {
        await activity.SessionScheduledAsync(transaction, message.SessionId, message.StudioId, message.StartsAt, ct);
        return message.StudioId;
    }
}

/// <summary>A session moved: the cadence counts it at its new time.</summary>
public sealed class SessionRescheduledConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<SessionRescheduled>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, SessionRescheduled message, CancellationToken ct)
    {
        await activity.SessionRescheduledAsync(transaction, message.SessionId, message.StudioId, message.StartsAt, message.Sequence, ct);
        return message.StudioId;
    }
}

/// <summary>A session was cancelled: it counts as due but not held.</summary>
public sealed class SessionCancelledConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<SessionCancelled>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, SessionCancelled message, CancellationToken ct)
    {
        await activity.SessionCancelledAsync(transaction, message.SessionId, message.StudioId, message.StartsAt, message.OccurredAt, ct);
        return message.StudioId;
    }
}

/// <summary>A session took place (or its report was corrected): attendance, cadence and dormancy change.</summary>
public sealed class SessionHeldConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<SessionHeld>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, SessionHeld message, CancellationToken ct)
    {
        await activity.SessionHeldAsync(transaction, message.SessionId, message.StudioId, message.StartsAt,
            message.Present, message.Late, message.Excused, message.Absent, message.OccurredAt, ct);
        return message.StudioId;
    }
}

/// <summary>A reflection was shared with a studio: engagement counts it. Reflections shared with no studio are not ours.</summary>
public sealed class ReflectionSharedConsumer(InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : StudioActivityConsumer<ReflectionShared>(inbox, activity, health, time)
{
    protected override async Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, ReflectionShared message, CancellationToken ct)
    {
        if (message.StudioId is not { } studioId) return null;
        await activity.ReflectionSharedAsync(transaction, message.ReflectionId, studioId, message.PersonId, message.OccurredAt, ct);
        return studioId;
    }
}
