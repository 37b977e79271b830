using Studios.ServiceDefaults.PersonalData;

namespace Studios.Membership.Data;

/// <summary>What Membership holds about a person, for their export: profile, an address not verified yet, memberships, invitations to them and by them
/// (without the invitee's address: that is someone else's data).</summary>
public static class MembershipPersonalData
{
    public static readonly PersonalDataSection[] Sections =
    [
        new("profile", """
            SELECT id, display_name, email, time_zone, locale, registered_at, updated_at, erased_at
            FROM people WHERE id = @PersonId
            """),
        new("unverifiedEmail", """
            SELECT email, claimed_at, mailed_at FROM email_claims WHERE person_id = @PersonId
            """),
        new("memberships", """
            SELECT m.id, m.studio_id, s.name AS studio_name, m.role, m.state, m.joined_via, m.intake_answer, m.invitation_id,
                   m.created_at, m.joined_at, m.ended_at, m.end_reason, m.decided_by
            FROM memberships m JOIN studios s ON s.id = m.studio_id
            WHERE m.person_id = @PersonId ORDER BY m.seq
            """),
        new("invitationsReceived", """
            SELECT id, studio_id, email, role, invited_by, created_at, expires_at, accepted_at, revoked_at
            FROM invitations
            WHERE accepted_by = @PersonId OR email = (SELECT email FROM people WHERE id = @PersonId)
            ORDER BY created_at, id
            """),
        new("invitationsSent", """
            SELECT id, studio_id, role, created_at, expires_at, accepted_at, revoked_at
            FROM invitations WHERE invited_by = @PersonId ORDER BY created_at, id
            """),
    ];
}
