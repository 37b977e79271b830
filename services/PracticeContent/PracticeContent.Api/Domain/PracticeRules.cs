namespace Studios.PracticeContent.Domain;

/// <summary>Who may change a practice and when a publish or retire makes sense.</summary>
public static class PracticeRules
{
    /// <summary>The author edits; a studio's adaptation is also edited by that studio's facilitators.</summary>
    public static bool MayEdit(Guid caller, Guid? authorId, Guid? studioId, bool callerFacilitatesStudio) =>
        authorId == caller || (studioId is not null && callerFacilitatesStudio);

    /// <summary>Editors retire; stewards also retire, as curators of the network's library.</summary>
    public static bool MayRetire(bool mayEdit, bool isSteward) => mayEdit || isSteward;

    /// <summary>Null when the draft may become a new version, otherwise why not.</summary>
    public static string? WhyNotPublish(PracticeStatus status, PracticeDetails draft, PracticeDetails? latest) => status switch
    {
        PracticeStatus.Retired => "A retired practice cannot be published again.",
        _ when latest is not null && draft.SameAs(latest) => "The draft has no changes since the latest published version.",
        _ => null,
    };

    public static string? WhyNotRetire(PracticeStatus status) => status switch
    {
        PracticeStatus.Draft => "A practice that was never published has nothing to retire.",
        PracticeStatus.Retired => "The practice is already retired.",
        _ => null,
    };
}
