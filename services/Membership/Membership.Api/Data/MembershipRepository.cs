using Studios.Membership.Domain;

namespace Studios.Membership.Data;

/// <summary>Memberships as the roster's rules change them: read under the studio's roster lock, saved in the same transaction.</summary>
public sealed class MembershipRepository
{
    private const string Columns = """
        id AS Id, studio_id AS StudioId, person_id AS PersonId, role AS Role, state AS State, joined_via AS JoinedVia,
        intake_answer AS IntakeAnswer, invitation_id AS InvitationId, waitlisted_seq AS WaitlistedSeq, created_at AS CreatedAt,
        joined_at AS JoinedAt, ended_at AS EndedAt, end_reason AS EndReason, decided_by AS DecidedBy, version AS Version,
        updated_at AS UpdatedAt
        """;

    internal const string CurrentStates = "('requested', 'invited', 'waitlisted', 'active')";

    public Task<MembershipRow?> CurrentAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<MembershipRow>(new CommandDefinition($"""
            SELECT {Columns} FROM memberships
            WHERE studio_id = @StudioId AND person_id = @PersonId AND state IN {CurrentStates}
            """, new { StudioId = studioId, PersonId = personId }, transaction, cancellationToken: cancellationToken));

    public Task<MembershipRow?> FindAsync(NpgsqlTransaction transaction, Guid studioId, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<MembershipRow>(new CommandDefinition(
            $"SELECT {Columns} FROM memberships WHERE studio_id = @StudioId AND id = @Id",
            new { StudioId = studioId, Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>The person's current memberships in studio order, the order erasure locks studios in.</summary>
    public async Task<IReadOnlyList<MembershipRow>> CurrentOfPersonAsync(NpgsqlTransaction transaction, Guid personId,
        CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<MembershipRow>(new CommandDefinition($"""
            SELECT {Columns} FROM memberships
            WHERE person_id = @PersonId AND state IN {CurrentStates}
            ORDER BY studio_id
            """, new { PersonId = personId }, transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Everyone currently on the studio's roster (active, waitlisted, requested, invited).</summary>
    public async Task<IReadOnlyList<MembershipRow>> CurrentOfStudioAsync(NpgsqlTransaction transaction, Guid studioId,
        CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<MembershipRow>(new CommandDefinition($"""
            SELECT {Columns} FROM memberships
            WHERE studio_id = @StudioId AND state IN {CurrentStates}
            ORDER BY seq
            """, new { StudioId = studioId }, transaction, cancellationToken: cancellationToken))).AsList();

    public Task SaveAsync(NpgsqlTransaction transaction, MembershipRow row, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO memberships (id, studio_id, person_id, role, state, joined_via, intake_answer, invitation_id,
                                     waitlisted_seq, created_at, joined_at, ended_at, end_reason, decided_by, version, updated_at)
            VALUES (@Id, @StudioId, @PersonId, @Role, @State, @JoinedVia, @IntakeAnswer, @InvitationId,
                    @WaitlistedSeq, @CreatedAt, @JoinedAt, @EndedAt, @EndReason, @DecidedBy, 1, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE
            SET role = excluded.role, state = excluded.state, joined_via = excluded.joined_via,
                intake_answer = excluded.intake_answer, invitation_id = excluded.invitation_id,
                waitlisted_seq = excluded.waitlisted_seq, joined_at = excluded.joined_at, ended_at = excluded.ended_at,
                end_reason = excluded.end_reason, decided_by = excluded.decided_by,
                version = memberships.version + 1, updated_at = excluded.updated_at
            """, row, transaction, cancellationToken: cancellationToken));

    public Task<long> NextWaitlistSeqAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('waitlist_order')", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>What capacity and the last-facilitator rule look at (inside a transaction: as of its roster lock).</summary>
    public Task<RosterCounts> CountAsync(NpgsqlConnection connection, Guid studioId, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<RosterCounts>(new CommandDefinition(CountSql, new { StudioId = studioId },
            cancellationToken: cancellationToken));

    private const string CountSql = """
        SELECT count(*) FILTER (WHERE state = 'active' AND role = 'participant') AS ActiveParticipants,
               count(*) FILTER (WHERE state = 'active' AND role = 'facilitator') AS ActiveFacilitators,
               count(*) FILTER (WHERE state = 'waitlisted') AS Waitlisted
        FROM memberships
        WHERE studio_id = @StudioId AND state IN ('active', 'waitlisted')
        """;

    /// <summary>The first <paramref name="count"/> people on the waitlist, first come first.</summary>
    public async Task<IReadOnlyList<MembershipRow>> NextOnWaitlistAsync(NpgsqlTransaction transaction, Guid studioId, int count,
        CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<MembershipRow>(new CommandDefinition($"""
            SELECT {Columns} FROM memberships
            WHERE studio_id = @StudioId AND state = 'waitlisted'
            ORDER BY waitlisted_seq
            LIMIT @Count
            """, new { StudioId = studioId, Count = count }, transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>The person's role when they are an active member of the studio; null otherwise.</summary>
    public Task<string?> ActiveRoleAsync(NpgsqlConnection connection, Guid studioId, Guid personId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT role FROM memberships WHERE studio_id = @StudioId AND person_id = @PersonId AND state = 'active'
            """, new { StudioId = studioId, PersonId = personId }, cancellationToken: cancellationToken));

    /// <summary>Shows pending invitations addressed to <paramref name="email"/> on the person's rosters (state invited),
    /// and ends invited memberships whose invitation went to another address (the email changed).</summary>
    public Task SyncInvitationsAsync(NpgsqlTransaction transaction, Guid personId, string email, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition($"""
            UPDATE memberships m
            SET state = 'cancelled', end_reason = 'email-changed', ended_at = @Now, version = m.version + 1, updated_at = @Now
            FROM invitations i
            WHERE m.invitation_id = i.id AND m.person_id = @PersonId AND m.state = 'invited' AND i.email IS DISTINCT FROM @Email;

            INSERT INTO memberships (id, studio_id, person_id, role, state, invitation_id, created_at, updated_at)
            SELECT DISTINCT ON (i.studio_id) gen_random_uuid(), i.studio_id, @PersonId, i.role, 'invited', i.id, @Now, @Now
            FROM invitations i
            JOIN studios s ON s.id = i.studio_id
            WHERE i.email = @Email AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > @Now
              AND s.retired_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM memberships c
                              WHERE c.studio_id = i.studio_id AND c.person_id = @PersonId AND c.state IN {CurrentStates})
            ORDER BY i.studio_id, i.created_at DESC
            ON CONFLICT DO NOTHING;
            """, new { PersonId = personId, Email = email, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Ends the invited membership an invitation created (revoked, or superseded).</summary>
    public Task CancelInvitedAsync(NpgsqlTransaction transaction, Guid invitationId, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE memberships
            SET state = 'cancelled', end_reason = @Reason, ended_at = @Now, version = version + 1, updated_at = @Now
            WHERE invitation_id = @InvitationId AND state = 'invited'
            """, new { InvitationId = invitationId, Reason = reason, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Ends invited memberships whose invitation has expired; returns how many.</summary>
    public Task<int> ExpireInvitedAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE memberships m
            SET state = 'cancelled', end_reason = 'invitation-expired', ended_at = @Now, version = m.version + 1, updated_at = @Now
            FROM invitations i
            WHERE m.invitation_id = i.id AND m.state = 'invited'
              AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= @Now
            """, new { Now = now }, cancellationToken: cancellationToken));

    public Task ForgetIntakeAnswersAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE memberships SET intake_answer = NULL WHERE person_id = @PersonId AND intake_answer IS NOT NULL",
            new { PersonId = personId }, transaction, cancellationToken: cancellationToken));

    public Task<long> CountWaitlistedAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM memberships WHERE state = 'waitlisted'", cancellationToken: cancellationToken));
}
