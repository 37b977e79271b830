using Studios.Stewardship.Contracts;
using Studios.Stewardship.Data;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;
using Studios.Stewardship.Telemetry;

namespace Studios.Stewardship.Features;

/// <summary>Re-assesses one studio inside the caller's transaction and, when its state changed, records it and enqueues
/// StudioHealthChanged in that same transaction. Only active studios are tracked.</summary>
public sealed class StudioHealthEvaluator(
    StudioHealthRepository health,
    Outbox outbox,
    StewardshipMetrics metrics,
    ILogger<StudioHealthEvaluator> logger)
{
    private const string LockSql = "SELECT state AS State, active_since AS ActiveSince FROM studios WHERE id = @studioId FOR NO KEY UPDATE";

    /// <summary>The state change made, if any. Locks the studio row, so concurrent evaluations of one studio take turns
    /// and each sees the facts the other committed.</summary>
    public async Task<HealthState?> EvaluateAsync(NpgsqlTransaction transaction, Guid studioId, DateTimeOffset now, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var studio = await connection.QuerySingleOrDefaultAsync<TrackedStudio>(
            new CommandDefinition(LockSql, new { studioId }, transaction, cancellationToken: ct));
        if (studio is null || studio.State != StudioState.Active.ToText() || studio.ActiveSince is not { } activeSince)
        {
            return null;
        }

        var inputs = await health.LoadInputsAsync(connection, studioId, activeSince, now, ct, transaction);
        var assessment = HealthRules.Assess(inputs, now);
        var recorded = await health.GetAsync(connection, studioId, ct, transaction);
        await health.SaveAsync(transaction, studioId, assessment, now, ct);

        var state = assessment.State.ToText();
        if (recorded?.State == state)
        {
            return null;
        }
        await outbox.EnqueueAsync(transaction,
            new StudioHealthChanged(studioId, recorded?.State, state, assessment.Score, assessment.Reasons, now), ct);
        metrics.HealthChanged(assessment.State);
        logger.LogInformation("Studio {StudioId} health changed from {Previous} to {State} (score {Score})",
            studioId, recorded?.State ?? "none", state, assessment.Score);
        return assessment.State;
    }

    private sealed record TrackedStudio(string State, DateTimeOffset? ActiveSince);
}
