using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>Practices, their drafts and immutable published versions.</summary>
public sealed class PracticeRepository
{
    private const string PracticeColumns = $"""
        practice_id AS PracticeId, author_id AS AuthorId, author_name AS AuthorName, studio_id AS StudioId,
        adapted_from_practice_id AS AdaptedFromPracticeId, adapted_from_version AS AdaptedFromVersion,
        version AS Version, latest_version AS LatestVersion, retired_at AS RetiredAt,
        created_at AS CreatedAt, updated_at AS UpdatedAt, {ContentRow.Columns}
        """;

    private const string VersionColumns = $"""
        practice_id AS PracticeId, version AS Version, published_at AS PublishedAt, is_current AS IsCurrent, {ContentRow.Columns}
        """;

    public async Task<PracticeRow?> FindAsync(
        NpgsqlConnection connection, Guid practiceId, CancellationToken ct, NpgsqlTransaction? transaction = null)
    {
        // Locks the practice inside a transaction, so two publishes cannot both create version n+1.
        var sql = $"SELECT {PracticeColumns} FROM practices WHERE practice_id = @practiceId"
            + (transaction is null ? "" : " FOR UPDATE");
        return await connection.QuerySingleOrDefaultAsync<PracticeRow>(
            new CommandDefinition(sql, new { practiceId }, transaction, cancellationToken: ct));
    }

    public async Task CreateAsync(
        NpgsqlTransaction transaction, Guid practiceId, Guid authorId, string? authorName, Guid? studioId,
        Guid? adaptedFromPracticeId, int? adaptedFromVersion, PracticeDetails content, CancellationToken ct)
    {
        var parameters = ContentRow.Parameters(content);
        parameters.AddDynamicParams(new { practiceId, authorId, authorName, studioId, adaptedFromPracticeId, adaptedFromVersion });
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO practices (practice_id, author_id, author_name, studio_id, adapted_from_practice_id, adapted_from_version,
                title, intent, invitation, instructions, steps, min_minutes, max_minutes, min_group_size, max_group_size,
                skills, tags, in_person, online, licence)
            VALUES (@practiceId, @authorId, @authorName, @studioId, @adaptedFromPracticeId, @adaptedFromVersion,
                @Title, @Intent, @Invitation, @Instructions, @Steps::jsonb, @MinMinutes, @MaxMinutes, @MinGroupSize, @MaxGroupSize,
                @Skills, @Tags, @InPerson, @Online, @Licence)
            """, parameters, transaction, cancellationToken: ct));
    }

    /// <summary>Replaces the draft and bumps its revision; returns the new revision.</summary>
    public async Task<long> UpdateDraftAsync(NpgsqlTransaction transaction, Guid practiceId, PracticeDetails content, CancellationToken ct)
    {
        var parameters = ContentRow.Parameters(content);
        parameters.Add("practiceId", practiceId);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition("""
            UPDATE practices
            SET title = @Title, intent = @Intent, invitation = @Invitation, instructions = @Instructions, steps = @Steps::jsonb,
                min_minutes = @MinMinutes, max_minutes = @MaxMinutes, min_group_size = @MinGroupSize, max_group_size = @MaxGroupSize,
                skills = @Skills, tags = @Tags, in_person = @InPerson, online = @Online, licence = @Licence,
                version = version + 1, updated_at = now()
            WHERE practice_id = @practiceId
            RETURNING version
            """, parameters, transaction, cancellationToken: ct));
    }

    /// <summary>Copies the draft into version n+1, which becomes the one search sees.</summary>
    public async Task<(int Version, DateTime PublishedAt)> PublishAsync(
        NpgsqlTransaction transaction, PracticeRow practice, Guid publishedBy, CancellationToken ct)
    {
        var next = (practice.LatestVersion ?? 0) + 1;
        var publishedAt = await transaction.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition("""
            UPDATE practice_versions SET is_current = false WHERE practice_id = @practiceId AND is_current;
            INSERT INTO practice_versions (practice_id, version, title, intent, invitation, instructions, steps,
                min_minutes, max_minutes, min_group_size, max_group_size, skills, tags, in_person, online, licence,
                published_by, published_at, is_current)
            SELECT practice_id, @next, title, intent, invitation, instructions, steps,
                min_minutes, max_minutes, min_group_size, max_group_size, skills, tags, in_person, online, licence,
                @publishedBy, now(), true
            FROM practices WHERE practice_id = @practiceId;
            UPDATE practices SET latest_version = @next, updated_at = now() WHERE practice_id = @practiceId;
            SELECT now();
            """, new { practiceId = practice.PracticeId, next, publishedBy }, transaction, cancellationToken: ct));
        return (next, publishedAt);
    }

    public async Task RetireAsync(NpgsqlTransaction transaction, Guid practiceId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE practice_versions SET is_current = false WHERE practice_id = @practiceId AND is_current;
            UPDATE practices SET retired_at = now(), updated_at = now() WHERE practice_id = @practiceId;
            """, new { practiceId }, transaction, cancellationToken: ct));

    public async Task<PracticeVersionRow?> FindVersionAsync(
        NpgsqlConnection connection, Guid practiceId, int version, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<PracticeVersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM practice_versions WHERE practice_id = @practiceId AND version = @version",
            new { practiceId, version }, transaction, cancellationToken: ct));

    public async Task<IReadOnlyList<PublishedVersion>> ListVersionsAsync(NpgsqlConnection connection, Guid practiceId, CancellationToken ct) =>
        (await connection.QueryAsync<PublishedVersion>(new CommandDefinition("""
            SELECT version AS Version, title AS Title, published_at AS PublishedAt
            FROM practice_versions WHERE practice_id = @practiceId ORDER BY version
            """, new { practiceId }, cancellationToken: ct))).AsList();

    /// <summary>Published adaptations of any version of <paramref name="practiceId"/>: its lineage downstream.</summary>
    public async Task<IReadOnlyList<AdaptationRow>> ListAdaptationsAsync(NpgsqlConnection connection, Guid practiceId, CancellationToken ct) =>
        (await connection.QueryAsync<AdaptationRow>(new CommandDefinition("""
            SELECT p.practice_id AS PracticeId, v.title AS Title, p.studio_id AS StudioId,
                   p.adapted_from_version AS AdaptedFromVersion, p.latest_version AS LatestVersion, p.retired_at IS NOT NULL AS Retired
            FROM practices p
            JOIN practice_versions v ON v.practice_id = p.practice_id AND v.version = p.latest_version
            WHERE p.adapted_from_practice_id = @practiceId
            ORDER BY p.created_at, p.practice_id
            """, new { practiceId }, cancellationToken: ct))).AsList();

    /// <summary>Which of the pinned (practice, version) pairs exist: a plan may only pin published versions.</summary>
    public async Task<HashSet<(Guid, int)>> ExistingVersionsAsync(
        NpgsqlConnection connection, IEnumerable<(Guid PracticeId, int Version)> pins, CancellationToken ct)
    {
        var list = pins.Distinct().ToList();
        if (list.Count == 0) return [];
        var rows = await connection.QueryAsync<(Guid, int)>(new CommandDefinition("""
            SELECT v.practice_id, v.version
            FROM practice_versions v
            JOIN unnest(@ids, @versions) AS pin(practice_id, version) ON pin.practice_id = v.practice_id AND pin.version = v.version
            """, new { ids = list.Select(p => p.PracticeId).ToArray(), versions = list.Select(p => p.Version).ToArray() },
            cancellationToken: ct));
        return [.. rows];
    }

    public async Task<IReadOnlyDictionary<(Guid, int), string>> VersionTitlesAsync(
        NpgsqlConnection connection, IEnumerable<(Guid PracticeId, int Version)> pins, CancellationToken ct)
    {
        var list = pins.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<(Guid, int), string>();
        var rows = await connection.QueryAsync<(Guid PracticeId, int Version, string Title)>(new CommandDefinition("""
            SELECT v.practice_id, v.version, v.title
            FROM practice_versions v
            JOIN unnest(@ids, @versions) AS pin(practice_id, version) ON pin.practice_id = v.practice_id AND pin.version = v.version
            """, new { ids = list.Select(p => p.PracticeId).ToArray(), versions = list.Select(p => p.Version).ToArray() },
            cancellationToken: ct));
        return rows.ToDictionary(row => (row.PracticeId, row.Version), row => row.Title);
    }

    /// <summary>Whether the practice has any published version (reflections may refer to it).</summary>
    public async Task<bool> IsPublishedAsync(NpgsqlConnection connection, Guid practiceId, int? version, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM practice_versions WHERE practice_id = @practiceId AND (@version::int IS NULL OR version = @version))
            """, new { practiceId, version }, cancellationToken: ct));
}

public sealed record PublishedVersion(int Version, string Title, DateTime PublishedAt);

public sealed record AdaptationRow(Guid PracticeId, string Title, Guid? StudioId, int? AdaptedFromVersion, int? LatestVersion, bool Retired);
