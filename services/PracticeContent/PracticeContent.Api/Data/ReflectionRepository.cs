using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>Participants' reflections. Reads take the reader, so visibility is decided in one place per query.</summary>
public sealed class ReflectionRepository
{
    private const string Columns = """
        r.reflection_id AS ReflectionId, r.author_id AS AuthorId, r.studio_id AS StudioId, r.session_id AS SessionId,
        r.practice_id AS PracticeId, r.practice_version AS PracticeVersion, r.text AS Text, r.visibility AS Visibility,
        r.created_at AS CreatedAt, r.shared_at AS SharedAt
        """;

    public async Task<DateTime> CreateAsync(NpgsqlTransaction transaction, ReflectionRow reflection, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition("""
            INSERT INTO reflections (reflection_id, author_id, studio_id, session_id, practice_id, practice_version, text, visibility, shared_at)
            VALUES (@ReflectionId, @AuthorId, @StudioId, @SessionId, @PracticeId, @PracticeVersion, @Text, @Visibility,
                    CASE WHEN @Visibility = 'private' THEN NULL ELSE now() END)
            RETURNING created_at
            """, reflection, transaction, cancellationToken: ct));

    public async Task<ReflectionRow?> FindAsync(NpgsqlConnection connection, Guid reflectionId, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<ReflectionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM reflections r WHERE r.reflection_id = @reflectionId" + (transaction is null ? "" : " FOR UPDATE"),
            new { reflectionId }, transaction, cancellationToken: ct));

    public async Task ShareAsync(NpgsqlTransaction transaction, Guid reflectionId, ReflectionVisibility visibility, Guid? studioId, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE reflections SET visibility = @visibility, studio_id = @studioId,
                shared_at = CASE WHEN @visibility = 'private' THEN NULL ELSE now() END
            WHERE reflection_id = @reflectionId
            """, new { reflectionId, visibility = ReflectionRules.Wire(visibility), studioId }, transaction, cancellationToken: ct));

    public async Task<bool> DeleteAsync(NpgsqlConnection connection, Guid reflectionId, Guid authorId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reflections WHERE reflection_id = @reflectionId AND author_id = @authorId",
            new { reflectionId, authorId }, cancellationToken: ct)) > 0;

    /// <summary>The author's own reflections, every visibility, newest first.</summary>
    public async Task<IReadOnlyList<ReflectionRow>> ListByAuthorAsync(NpgsqlConnection connection, Guid authorId,
        (DateTime CreatedAt, Guid Id)? after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<ReflectionRow>(new CommandDefinition($"""
            SELECT {Columns} FROM reflections r
            WHERE r.author_id = @authorId
              AND (@afterId::uuid IS NULL OR (r.created_at, r.reflection_id) < (@afterCreatedAt, @afterId))
            ORDER BY r.created_at DESC, r.reflection_id DESC
            LIMIT @limit
            """, new { authorId, afterId = after?.Id, afterCreatedAt = after?.CreatedAt ?? DateTime.UnixEpoch, limit = limit + 1 },
            cancellationToken: ct))).AsList();

    /// <summary>A studio's shared reflections: members see studio and network ones, others only network ones.</summary>
    public async Task<IReadOnlyList<ReflectionRow>> ListForStudioAsync(NpgsqlConnection connection, Guid studioId, bool readerIsMember,
        (DateTime CreatedAt, Guid Id)? after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<ReflectionRow>(new CommandDefinition($"""
            SELECT {Columns} FROM reflections r
            WHERE r.studio_id = @studioId
              AND (r.visibility = 'network' OR (@readerIsMember AND r.visibility = 'studio'))
              AND (@afterId::uuid IS NULL OR (r.created_at, r.reflection_id) < (@afterCreatedAt, @afterId))
            ORDER BY r.created_at DESC, r.reflection_id DESC
            LIMIT @limit
            """, new { studioId, readerIsMember, afterId = after?.Id, afterCreatedAt = after?.CreatedAt ?? DateTime.UnixEpoch, limit = limit + 1 },
            cancellationToken: ct))).AsList();
}

public sealed class ReflectionRow
{
    public Guid ReflectionId { get; init; }
    public Guid AuthorId { get; init; }
    public Guid? StudioId { get; init; }
    public Guid? SessionId { get; init; }
    public Guid? PracticeId { get; init; }
    public int? PracticeVersion { get; init; }
    public string Text { get; init; } = "";
    public string Visibility { get; init; } = "private";
    public DateTime CreatedAt { get; init; }
    public DateTime? SharedAt { get; init; }

    public ReflectionVisibility VisibilityValue =>
        ReflectionRules.TryParse(Visibility, out var visibility) ? visibility : ReflectionVisibility.Private;
}
