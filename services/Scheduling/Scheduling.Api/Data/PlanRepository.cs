using System.Text.Json;
using Studios.PracticeContent.Contracts;

namespace Studios.Scheduling.Data;

/// <summary>Session plans published by PracticeContent, kept so they can be attached to sessions.</summary>
public sealed class PlanRepository
{
    public async Task<PlanRow?> GetAsync(NpgsqlConnection connection, Guid planId, NpgsqlTransaction? tx = null, CancellationToken ct = default) =>
        await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition("""
            SELECT id AS Id, studio_id AS StudioId, title AS Title, practices::text AS Practices, total_minutes AS TotalMinutes
            FROM session_plans WHERE id = @planId
            """, new { planId }, tx, cancellationToken: ct));

    public Task UpsertAsync(NpgsqlTransaction tx, SessionPlanPublished plan, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO session_plans (id, studio_id, title, practices, total_minutes, as_of)
            VALUES (@PlanId, @StudioId, @Title, @Practices::jsonb, @TotalMinutes, @OccurredAt)
            ON CONFLICT (id) DO UPDATE SET studio_id = EXCLUDED.studio_id, title = EXCLUDED.title,
                practices = EXCLUDED.practices, total_minutes = EXCLUDED.total_minutes, as_of = EXCLUDED.as_of
            WHERE session_plans.as_of <= EXCLUDED.as_of
            """, new
        {
            plan.PlanId, plan.StudioId, plan.Title, plan.TotalMinutes, plan.OccurredAt,
            Practices = JsonSerializer.Serialize(plan.Practices, JsonSerializerOptions.Web),
        }, tx, cancellationToken: ct));

    public static IReadOnlyList<PlannedPractice> Practices(PlanRow plan) =>
        JsonSerializer.Deserialize<List<PlannedPractice>>(plan.Practices, JsonSerializerOptions.Web) ?? [];
}
