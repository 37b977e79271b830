namespace Studios.Membership.Data;

/// <summary>Roster lines as the API shows them: memberships with the person's name and contact, and waitlist places.</summary>
public sealed class RosterViewRepository
{
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

    /// <summary>True when <paramref name="viewerId"/> facilitates a studio <paramref name="personId"/> currently belongs to
    /// (or asked to join, or waits for): such facilitators may see the person's email. An invitation not accepted yet does not
    /// count: the inviter does not learn who holds the address.</summary>
    public Task<bool> FacilitatesStudioOfAsync(NpgsqlConnection connection, Guid viewerId, Guid personId,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
            SELECT EXISTS (
                SELECT 1 FROM memberships target
                JOIN memberships viewer ON viewer.studio_id = target.studio_id
                WHERE target.person_id = @PersonId AND target.state IN ('requested', 'waitlisted', 'active')
                  AND viewer.person_id = @ViewerId AND viewer.state = 'active'
                  AND viewer.role IN ('facilitator', 'co-facilitator'))
            """, new { ViewerId = viewerId, PersonId = personId }, cancellationToken: cancellationToken));

    /// <summary>One roster line; inside a transaction it shows the transaction's own changes.</summary>
    public Task<MemberView?> ViewAsync(NpgsqlConnection connection, Guid studioId, Guid id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<MemberView>(new CommandDefinition(
            $"{ViewSelect} WHERE m.studio_id = @StudioId AND m.id = @Id", new { StudioId = studioId, Id = id },
            cancellationToken: cancellationToken));

    /// <summary>One page of the roster in the order people came, optionally one state or role only;
    /// fetches <paramref name="limit"/> + 1 rows so the caller knows whether there is more. A line an invitation made that was
    /// not accepted (invited, or cancelled before accepting) is shown only to its person: who holds an invited address is
    /// not the inviter's to know.</summary>
    public async Task<IReadOnlyList<MemberView>> ListAsync(NpgsqlConnection connection, Guid studioId, Guid viewerId, string? state,
        string? role, long? afterSeq, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<MemberView>(new CommandDefinition($"""
            {ViewSelect}
            WHERE m.studio_id = @StudioId
              AND (@State::text IS NULL OR m.state = @State)
              AND (@Role::text IS NULL OR m.role = @Role)
              AND (@AfterSeq::bigint IS NULL OR m.seq > @AfterSeq)
              AND (m.invitation_id IS NULL OR m.person_id = @ViewerId
                   OR EXISTS (SELECT 1 FROM invitations i WHERE i.id = m.invitation_id AND i.accepted_at IS NOT NULL))
            ORDER BY m.seq
            LIMIT @Limit
            """, new { StudioId = studioId, ViewerId = viewerId, State = state, Role = role, AfterSeq = afterSeq, Limit = limit + 1 },
            cancellationToken: cancellationToken))).AsList();

    public async Task<IReadOnlyList<MemberView>> WaitlistAsync(NpgsqlConnection connection, Guid studioId,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<MemberView>(new CommandDefinition($"""
            {ViewSelect}
            WHERE m.studio_id = @StudioId AND m.state = 'waitlisted'
            ORDER BY m.waitlisted_seq
            """, new { StudioId = studioId }, cancellationToken: cancellationToken))).AsList();

    public async Task<IReadOnlyList<PersonStudioView>> OfPersonAsync(NpgsqlConnection connection, Guid personId,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PersonStudioView>(new CommandDefinition("""
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
