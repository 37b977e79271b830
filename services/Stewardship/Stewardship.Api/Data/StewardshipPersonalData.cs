using Studios.ServiceDefaults.PersonalData;

namespace Studios.Stewardship.Data;

/// <summary>What Stewardship holds about a person, for their export: studios they proposed or founded, their place in the
/// steward pool and assignments, the health read model's rows about them, check-ins and follow-ups they are part of.</summary>
public static class StewardshipPersonalData
{
    public static readonly PersonalDataSection[] Sections =
    [
        new("studios", """
            SELECT id, name, purpose, practice_focus, intended_cadence, capacity, time_zone, founding_facilitator_id, proposed_by,
                   proposed_at, state, state_changed_at
            FROM studios WHERE proposed_by = @PersonId OR founding_facilitator_id = @PersonId ORDER BY proposed_at, id
            """),
        new("steward", "SELECT * FROM stewards WHERE person_id = @PersonId"),
        new("stewardAssignments", "SELECT * FROM studio_stewards WHERE steward_id = @PersonId ORDER BY studio_id"),
        new("studioMemberships", "SELECT * FROM studio_members WHERE person_id = @PersonId ORDER BY studio_id"),
        new("memberMovements", "SELECT * FROM member_movements WHERE person_id = @PersonId ORDER BY occurred_at"),
        new("sessionAttendance", "SELECT * FROM session_attendance WHERE person_id = @PersonId ORDER BY session_id"),
        new("sharedReflections", "SELECT * FROM shared_reflections WHERE person_id = @PersonId ORDER BY reflection_id"),
        new("checkIns", """
            SELECT * FROM check_ins WHERE steward_id = @PersonId OR facilitator_id = @PersonId ORDER BY recorded_at, id
            """),
        new("followUps", """
            SELECT * FROM follow_ups WHERE steward_id = @PersonId OR completed_by = @PersonId ORDER BY due_on, id
            """),
    ];
}
