using Studios.ServiceDefaults.PersonalData;

namespace Studios.Scheduling.Data;

/// <summary>What Scheduling holds about a person, for their export: the rosters it knows them on, their RSVPs and
/// attendance, the series they facilitate or created, that they have a calendar feed (never its token).</summary>
public static class SchedulingPersonalData
{
    public static readonly PersonalDataSection[] Sections =
    [
        new("studioMemberships", "SELECT studio_id, role, active, as_of FROM studio_members WHERE person_id = @PersonId ORDER BY studio_id"),
        new("rsvps", """
            SELECT r.session_id, s.studio_id, s.title, s.starts_at, r.status, r.via_series, r.responded_at
            FROM rsvps r JOIN sessions s ON s.id = r.session_id
            WHERE r.person_id = @PersonId ORDER BY s.starts_at, r.session_id
            """),
        new("seriesRsvps", "SELECT series_id, status, responded_at FROM series_rsvps WHERE person_id = @PersonId ORDER BY responded_at, series_id"),
        new("attendance", """
            SELECT a.session_id, s.studio_id, s.title, s.starts_at, a.status, a.recorded_by, a.recorded_at
            FROM attendance a JOIN sessions s ON s.id = a.session_id
            WHERE a.person_id = @PersonId ORDER BY s.starts_at, a.session_id
            """),
        new("series", """
            SELECT id, studio_id, title, facilitator_id, created_by, created_at
            FROM series WHERE facilitator_id = @PersonId OR created_by = @PersonId ORDER BY created_at, id
            """),
        new("calendarFeed", "SELECT created_at FROM calendar_tokens WHERE person_id = @PersonId"),
        new("erasure", "SELECT erased_at FROM erased_people WHERE person_id = @PersonId"),
    ];
}
