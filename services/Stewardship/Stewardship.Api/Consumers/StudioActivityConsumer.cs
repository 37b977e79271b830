using MassTransit;
using Studios.Stewardship.Data;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Consumers;

/// <summary>What every event about a studio's life does here: record the fact in the activity read model, then
/// re-assess the studio's health, both in the inbox's transaction. A consumer names the fact and the studio it concerns
/// (null: not one of ours). Each consumer stays a class of its own, so each keeps its own queue.</summary>
public abstract class StudioActivityConsumer<TMessage>(
    InboxTransaction inbox, ActivityRepository activity, StudioHealthEvaluator health, TimeProvider time)
    : IConsumer<TMessage> where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var studioId = await RecordAsync(activity, inbox.Transaction, context.Message, context.CancellationToken);
        if (studioId is { } id) await health.EvaluateAsync(inbox.Transaction, id, time.GetUtcNow(), context.CancellationToken);
    }

    /// <summary>Records the fact; returns the studio whose health it may change.</summary>
    protected abstract Task<Guid?> RecordAsync(ActivityRepository activity, NpgsqlTransaction transaction, TMessage message,
        CancellationToken ct);
}
