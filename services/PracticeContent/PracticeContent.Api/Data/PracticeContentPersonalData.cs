using Studios.ServiceDefaults.PersonalData;

namespace Studios.PracticeContent.Data;

/// <summary>What PracticeContent holds about a person, for their export: the practices, versions and plans they wrote,
/// their reflections and the rosters it knows them on.</summary>
public static class PracticeContentPersonalData
{
    public static readonly PersonalDataSection[] Sections =
    [
        new("studioMemberships", "SELECT studio_id, role FROM studio_members WHERE person_id = @PersonId ORDER BY studio_id"),
        new("practices", """
            SELECT practice_id, author_name, studio_id, adapted_from_practice_id, adapted_from_version, title, intent, invitation,
                   instructions, skills, tags, licence, latest_version, created_at, updated_at
            FROM practices WHERE author_id = @PersonId ORDER BY created_at, practice_id
            """),
        new("practiceVersionsPublished", """
            SELECT practice_id, version, title, published_at
            FROM practice_versions WHERE published_by = @PersonId ORDER BY published_at, practice_id
            """),
        new("sessionPlans", """
            SELECT plan_id, kind, studio_id, template_id, title, published_at, created_at, updated_at
            FROM session_plans WHERE author_id = @PersonId ORDER BY created_at, plan_id
            """),
        new("reflections", """
            SELECT reflection_id, studio_id, session_id, practice_id, practice_version, text, visibility, created_at
            FROM reflections WHERE author_id = @PersonId ORDER BY created_at, reflection_id
            """),
        new("erasure", "SELECT * FROM erased_people WHERE person_id = @PersonId"),
    ];
}
