using Dapper;
using Npgsql;
using Studios.Membership.Domain;

namespace Studios.Membership.Data;

public sealed class MembershipRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS Id, studio_id AS StudioId, person_id AS PersonId, role AS Role, state AS State, joined_via AS JoinedVia,
        intake_answer AS IntakeAnswer, invitation_id AS InvitationId, waitlisted_seq AS WaitlistedSeq, created_at AS CreatedAt,
        joined_at AS JoinedAt, ended_at AS EndedAt, end_reason AS EndReason, decided_by AS DecidedBy, version AS Version,
        updated_at AS UpdatedAt
        """;

    private const string CurrentStates = "('requested', 'invited', 'waitlisted', 'active')";

    private const string ViewSelect = """
        SELECT m.id AS MembershipId, m.seq AS Seq, m.studio_id AS StudioId, m.person_id AS PersonId,
               p.display_name AS DisplayName, p.email AS Email, m.role AS Role, m.state AS State, m.joined_via AS JoinedVia,
               m.intake_answer AS IntakeAnswer,
               CASE WHEN m.state = 'waitlisted' THEN (
                   SELECT count(*) FROM memberships w
                   WHERE w.studio_id = m.studio_id AND w.state = 'waitlisted' AND w.waitlisted_seq <= m.waitlisted_seq)
               END AS WaitlistPosition,
               m.created_at AS CreatedAt, m.joined_at AS JoinedAt, m.ended_at AS EndedAt, m.end_reason AS EndReason
        FROM memberships m
        LEFT JOIN people p ON p.id = m.person_id
        """;

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

    public Task<RosterCounts> CountAsync(NpgsqlTransaction transaction, Guid studioId, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<RosterCounts>(new CommandDefinition(CountSql,
            new { StudioId = studioId }, transaction, cancellationToken: cancellationToken));

    public async Task<RosterCounts> CountAsync(Guid studioId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<RosterCounts>(new CommandDefinition(CountSql,
            new { StudioId = studioId }, cancellationToken: cancellationToken));
    }

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
    public async Task<string?> ActiveRoleAsync(Guid studioId, Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ActiveRoleAsync(connection, null, studioId, personId, cancellationToken);
    }

    public Task<string?> ActiveRoleAsync(NpgsqlTransaction transaction, Guid studioId, Guid personId, CancellationToken cancellationToken) =>
        ActiveRoleAsync(transaction.Connection!, transaction, studioId, personId, cancellationToken);

    private static Task<string?> ActiveRoleAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid studioId,
        Guid personId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT role FROM memberships WHERE studio_id = @StudioId AND person_id = @PersonId AND state = 'active'
            """, new { StudioId = studioId, PersonId = personId }, transaction, cancellationToken: cancellationToken));

    /// <summary>True when <paramref name="viewerId"/> facilitates a studio <paramref name="personId"/> currently belongs to
    /// (or asked or was invited to join): such facilitators may see the person's email.</summary>
    public async Task<bool> FacilitatesStudioOfAsync(Guid viewerId, Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
            SELECT EXISTS (
                SELECT 1 FROM memberships target
                JOIN memberships viewer ON viewer.studio_id = target.studio_id
                WHERE target.person_id = @PersonId AND target.state IN {CurrentStates}
                  AND viewer.person_id = @ViewerId AND viewer.state = 'active'
                  AND viewer.role IN ('facilitator', 'co-facilitator'))
            """, new { ViewerId = viewerId, PersonId = personId }, cancellationToken: cancellationToken));
    }

    public async Task<MemberView?> ViewAsync(Guid studioId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MemberView>(new CommandDefinition(
            $"{ViewSelect} WHERE m.studio_id = @StudioId AND m.id = @Id", new { StudioId = studioId, Id = id },
            cancellationToken: cancellationToken));
    }

    public Task<MemberView> ViewAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<MemberView>(new CommandDefinition(
            $"{ViewSelect} WHERE m.id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>One page of the roster in the order people came, optionally one state or role only;
    /// fetches <paramref name="limit"/> + 1 rows so the caller knows whether there is more.</summary>
    public async Task<IReadOnlyList<MemberView>> ListAsync(Guid studioId, string? state, string? role, long? afterSeq, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MemberView>(new CommandDefinition($"""
            {ViewSelect}
            WHERE m.studio_id = @StudioId
              AND (@State::text IS NULL OR m.state = @State)
              AND (@Role::text IS NULL OR m.role = @Role)
              AND (@AfterSeq::bigint IS NULL OR m.seq > @AfterSeq)
            ORDER BY m.seq
            LIMIT @Limit
            """, new { StudioId = studioId, State = state, Role = role, AfterSeq = afterSeq, Limit = limit + 1 },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<MemberView>> WaitlistAsync(Guid studioId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<MemberView>(new CommandDefinition($"""
            {ViewSelect}
            WHERE m.studio_id = @StudioId AND m.state = 'waitlisted'
            ORDER BY m.waitlisted_seq
            """, new { StudioId = studioId }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<PersonStudioView>> OfPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PersonStudioView>(new CommandDefinition("""
            SELECT m.id AS MembershipId, m.seq AS Seq, m.studio_id AS StudioId, s.name AS StudioName, s.approved_at AS ApprovedAt,
                   s.paused AS Paused, s.retired_at AS RetiredAt, m.role AS Role, m.state AS State, m.joined_via AS JoinedVia,
                   CASE WHEN m.state = 'waitlisted' THEN (
                       SELECT count(*) FROM memberships w
                       WHERE w.studio_id = m.studio_id AND w.state = 'waitlisted' AND w.waitlisted_seq <= m.waitlisted_seq)
                   END AS WaitlistPosition,
                   m.created_at AS CreatedAt, m.joined_at AS JoinedAt, m.ended_at AS EndedAt, m.end_reason AS EndReason
            FROM memberships m
            JOIN studios s ON s.id = m.studio_id
            WHERE m.person_id = @PersonId
            ORDER BY m.seq
            """, new { PersonId = personId }, cancellationToken: cancellationToken))).AsList();
    }

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
    public async Task<int> ExpireInvitedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE memberships m
            SET state = 'cancelled', end_reason = 'invitation-expired', ended_at = @Now, version = m.version + 1, updated_at = @Now
            FROM invitations i
            WHERE m.invitation_id = i.id AND m.state = 'invited'
              AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= @Now
            """, new { Now = now }, cancellationToken: cancellationToken));
    }

    public Task ForgetIntakeAnswersAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE memberships SET intake_answer = NULL WHERE person_id = @PersonId AND intake_answer IS NOT NULL",
            new { PersonId = personId }, transaction, cancellationToken: cancellationToken));

    public async Task<long> CountWaitlistedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM memberships WHERE state = 'waitlisted'", cancellationToken: cancellationToken));
    }
}
