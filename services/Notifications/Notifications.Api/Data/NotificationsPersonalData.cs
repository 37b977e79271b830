using Studios.ServiceDefaults.PersonalData;

namespace Studios.Notifications.Data;

/// <summary>What Notifications holds about a person, for their export: the profile it mails to, preferences, what it knows
/// of their studios and sessions, the mails it sent them (never unsubscribe tokens or hashes).</summary>
public static class NotificationsPersonalData
{
    public static readonly PersonalDataSection[] Sections =
    [
        new("profile", "SELECT * FROM people WHERE person_id = @PersonId"),
        new("preferences", "SELECT disabled_kinds, reminder_minutes FROM preferences WHERE person_id = @PersonId"),
        new("studioMemberships", "SELECT * FROM studio_members WHERE person_id = @PersonId ORDER BY studio_id"),
        new("stewardships", "SELECT * FROM studio_stewards WHERE steward_id = @PersonId ORDER BY studio_id"),
        new("rsvps", "SELECT * FROM rsvps WHERE person_id = @PersonId ORDER BY changed_at, session_id"),
        new("reminders", "SELECT * FROM reminders WHERE person_id = @PersonId ORDER BY due_at, session_id"),
        new("mails", """
            SELECT id, kind, address, facts, status, attempts, created_at, sent_at
            FROM mails WHERE person_id = @PersonId ORDER BY created_at, id
            """),
        new("unsubscribeLinks", "SELECT kind, created_at FROM unsubscribe_links WHERE person_id = @PersonId ORDER BY created_at"),
        new("erasure", "SELECT * FROM erased_people WHERE person_id = @PersonId"),
    ];
}
