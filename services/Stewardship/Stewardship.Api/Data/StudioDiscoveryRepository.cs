namespace Studios.Stewardship.Data;

/// <summary>Studio discovery: active studios matching a search, with the places their rosters leave, in name order.</summary>
public sealed class StudioDiscoveryRepository
{
    public async Task<IReadOnlyList<StudioCardRow>> SearchAsync(NpgsqlConnection connection, StudioSearch search, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = """
            WITH cards AS (
                SELECT s.id, s.name, s.purpose, s.practice_focus, s.intended_cadence, s.capacity, s.time_zone,
                       s.founding_facilitator_id,
                       (SELECT count(*)::int FROM studio_members m
                        WHERE m.studio_id = s.id AND m.role = 'participant' AND m.joined_at IS NOT NULL
                          AND (m.left_at IS NULL OR m.joined_at > m.left_at)) AS active_participants,
                       (SELECT min(ss.starts_at) FROM studio_sessions ss
                        WHERE ss.studio_id = s.id AND ss.cancelled_at IS NULL AND ss.starts_at > @now) AS next_session_at
                FROM studios s
                WHERE s.state = 'active'
                  AND (@Text::text IS NULL
                       OR strpos(lower(s.name || ' ' || s.purpose || ' ' || s.practice_focus), lower(@Text)) > 0)
                  AND (@TimeZone::text IS NULL OR s.time_zone = @TimeZone)
                  AND (@MeetingDay::int IS NULL OR EXISTS (
                        SELECT 1 FROM studio_sessions ss
                        WHERE ss.studio_id = s.id AND ss.cancelled_at IS NULL AND ss.starts_at > @now
                          AND extract(isodow FROM ss.starts_at AT TIME ZONE s.time_zone) = @MeetingDay))
                  AND (@AfterName::text IS NULL OR (lower(s.name), s.id) > (lower(@AfterName), @AfterId))
            )
            SELECT id AS Id, name AS Name, purpose AS Purpose, practice_focus AS PracticeFocus,
                   intended_cadence AS IntendedCadence, capacity AS Capacity, time_zone AS TimeZone,
                   founding_facilitator_id AS FoundingFacilitatorId, active_participants AS ActiveParticipants,
                   next_session_at AS NextSessionAt
            FROM cards
            WHERE NOT @OpenPlacesOnly OR active_participants < capacity
            ORDER BY lower(name), id
            LIMIT @Take
            """;
        var rows = await connection.QueryAsync<StudioCardRow>(new CommandDefinition(sql, new
        {
            search.Text,
            search.TimeZone,
            search.MeetingDay,
            search.OpenPlacesOnly,
            AfterName = search.After?.Name,
            AfterId = search.After?.Id ?? Guid.Empty,
            Take = search.Limit + 1,
            now,
        }, cancellationToken: ct));
        return rows.AsList();
    }
}
