using Studios.Membership.Domain;

namespace Studios.Membership.Data;

public sealed class StudioRepository
{
    private const string Columns = """
        id AS Id, name AS Name, capacity AS Capacity, time_zone AS TimeZone, approved_at AS ApprovedAt, paused AS Paused,
        retired_at AS RetiredAt, join_policy AS JoinPolicy, intake_question AS IntakeQuestion, version AS Version
        """;

    public Task<StudioRow?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition(
            $"SELECT {Columns} FROM studios WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));

    /// <summary>Locks the studio's roster for the rest of the transaction: every change to who holds a place
    /// (join, approval, leave, promotion) takes this lock first, so two joins cannot both take the last place.</summary>
    public Task<StudioRow?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition(
            $"SELECT {Columns} FROM studios WHERE id = @Id FOR UPDATE", new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>Opens the roster with the studio's details; null when it was approved before (a repeated event).</summary>
    public Task<StudioRow?> ApproveAsync(NpgsqlTransaction transaction, Guid id, string name, int capacity, string timeZone,
        DateTimeOffset approvedAt, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<StudioRow>(new CommandDefinition($"""
            INSERT INTO studios (id, name, capacity, time_zone, approved_at, join_policy, updated_at)
            VALUES (@Id, @Name, @Capacity, @TimeZone, @ApprovedAt, @JoinPolicy, now())
            ON CONFLICT (id) DO UPDATE
            SET name = excluded.name, capacity = excluded.capacity, time_zone = excluded.time_zone,
                approved_at = excluded.approved_at, version = studios.version + 1, updated_at = now()
            WHERE studios.approved_at IS NULL
            RETURNING {Columns}
            """, new { Id = id, Name = name, Capacity = capacity, TimeZone = timeZone, ApprovedAt = approvedAt, JoinPolicy = JoinPolicies.Default },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Pauses or resumes, unless a later pause/resume was already applied (events may arrive out of order).
    /// The studio row is created if the event beats its approval. Returns whether anything changed.</summary>
    public async Task<bool> SetPausedAsync(NpgsqlTransaction transaction, Guid id, bool paused, DateTimeOffset occurredAt,
        CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (id, paused, paused_changed_at, updated_at)
            VALUES (@Id, @Paused, @OccurredAt, now())
            ON CONFLICT (id) DO UPDATE
            SET paused = excluded.paused, paused_changed_at = excluded.paused_changed_at,
                version = studios.version + 1, updated_at = now()
            WHERE studios.paused_changed_at IS NULL OR studios.paused_changed_at < excluded.paused_changed_at
            """, new { Id = id, Paused = paused, OccurredAt = occurredAt }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>Closes the roster for good; false when it was already retired.</summary>
    public async Task<bool> RetireAsync(NpgsqlTransaction transaction, Guid id, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO studios (id, retired_at, updated_at)
            VALUES (@Id, @OccurredAt, now())
            ON CONFLICT (id) DO UPDATE
            SET retired_at = excluded.retired_at, version = studios.version + 1, updated_at = now()
            WHERE studios.retired_at IS NULL
            """, new { Id = id, OccurredAt = occurredAt }, transaction, cancellationToken: cancellationToken)) > 0;

    public Task<StudioRow> SetPolicyAsync(NpgsqlTransaction transaction, Guid id, string joinPolicy, string? intakeQuestion,
        CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<StudioRow>(new CommandDefinition($"""
            UPDATE studios
            SET join_policy = @JoinPolicy, intake_question = @IntakeQuestion, version = version + 1, updated_at = now()
            WHERE id = @Id
            RETURNING {Columns}
            """, new { Id = id, JoinPolicy = joinPolicy, IntakeQuestion = intakeQuestion }, transaction, cancellationToken: cancellationToken));
}
