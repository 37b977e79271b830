using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

using Studios.PracticeContent.Apis.Models;

namespace Studios.PracticeContent.Apis;

/// <summary>Builds practice responses and answers "may this caller edit it".</summary>
internal static class PracticeViews
{
    public static async Task<bool> MayEditAsync(NpgsqlConnection connection, PracticeRow practice, Guid caller, PracticeServices services,
        CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        var facilitates = practice.StudioId is { } studioId && await services.Studios.FacilitatesAsync(connection, studioId, caller, ct, transaction);
        return PracticeRules.MayEdit(caller, practice.AuthorId, practice.StudioId, facilitates);
    }

    public static async Task<PracticeResponse> DescribeAsync(
        NpgsqlConnection connection, PracticeRow practice, bool mayEdit, PracticeServices services, CancellationToken ct)
    {
        var versions = await services.Practices.ListVersionsAsync(connection, practice.PracticeId, ct);
        var usageByVersion = await services.Usage.ByVersionAsync(connection, practice.PracticeId, ct);
        var usage = await services.Usage.ForPracticeAsync(connection, practice.PracticeId, ct);
        var adaptations = await services.Practices.ListAdaptationsAsync(connection, practice.PracticeId, ct);
        var latest = practice.LatestVersion is { } n
            ? (await services.Practices.FindVersionAsync(connection, practice.PracticeId, n, ct))?.ToContent()
            : null;
        var draft = practice.ToContent();

        return new PracticeResponse(
            practice.PracticeId,
            practice.Status,
            practice.AuthorName,
            practice.AuthorId is null,
            practice.StudioId,
            LineageOf(practice),
            practice.LatestVersion,
            practice.Version,
            latest is null ? null : PracticeContentResponse.From(latest),
            mayEdit ? PracticeContentResponse.From(draft) : null,
            mayEdit ? latest is null || !draft.SameAs(latest) : null,
            versions.Select(v => new VersionSummary(v.Version, v.Title, DapperTimestamps.Utc(v.PublishedAt),
                UsageResponse.From(usageByVersion.GetValueOrDefault(v.Version, UsageRow.None)))).ToList(),
            adaptations.Select(a => new AdaptationSummary(a.PracticeId, a.Title, a.StudioId, a.AdaptedFromVersion, a.LatestVersion, a.Retired)).ToList(),
            UsageResponse.From(usage),
            DapperTimestamps.Utc(practice.CreatedAt),
            DapperTimestamps.Utc(practice.UpdatedAt),
            practice.RetiredAt is { } retired ? DapperTimestamps.Utc(retired) : null);
    }

    public static async Task<PracticeVersionResponse> DescribeVersionAsync(
        NpgsqlConnection connection, PracticeRow practice, PracticeVersionRow version, PracticeServices services, CancellationToken ct)
    {
        var usage = await services.Usage.ByVersionAsync(connection, practice.PracticeId, ct);
        return new PracticeVersionResponse(practice.PracticeId, version.Version, version.Version == practice.LatestVersion,
            practice.RetiredAt is not null, practice.AuthorName, practice.StudioId, LineageOf(practice), DapperTimestamps.Utc(version.PublishedAt),
            PracticeContentResponse.From(version.ToContent()), UsageResponse.From(usage.GetValueOrDefault(version.Version, UsageRow.None)));
    }

    public static Lineage? LineageOf(PracticeRow practice) =>
        practice is { AdaptedFromPracticeId: { } origin, AdaptedFromVersion: { } version } ? new Lineage(origin, version) : null;

}
