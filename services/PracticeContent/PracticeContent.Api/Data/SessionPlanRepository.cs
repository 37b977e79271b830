using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>Session-plan templates and studio plans.</summary>
public sealed class SessionPlanRepository
{
    private const string Columns = """
        plan_id AS PlanId, kind AS Kind, studio_id AS StudioId, author_id AS AuthorId, template_id AS TemplateId,
        title AS Title, session_minutes AS SessionMinutes, steps::text AS Steps, version AS Version,
        published_content::text AS PublishedContent, published_at AS PublishedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<SessionPlanRow?> FindAsync(NpgsqlConnection connection, Guid planId, CancellationToken ct, NpgsqlTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<SessionPlanRow>(new CommandDefinition(
            $"SELECT {Columns} FROM session_plans WHERE plan_id = @planId" + (transaction is null ? "" : " FOR UPDATE"),
            new { planId }, transaction, cancellationToken: ct));

    public async Task CreateAsync(NpgsqlTransaction transaction, Guid planId, PlanKind kind, Guid? studioId, Guid authorId,
        Guid? templateId, SessionPlanContent content, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO session_plans (plan_id, kind, studio_id, author_id, template_id, title, session_minutes, steps)
            VALUES (@planId, @kind, @studioId, @authorId, @templateId, @title, @sessionMinutes, @steps::jsonb)
            """, new
        {
            planId, kind = Wire(kind), studioId, authorId, templateId, title = content.Title,
            sessionMinutes = content.SessionMinutes, steps = StoredJson.Write(content.Steps),
        }, transaction, cancellationToken: ct));

    public async Task<long> UpdateAsync(NpgsqlTransaction transaction, Guid planId, SessionPlanContent content, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition("""
            UPDATE session_plans
            SET title = @title, session_minutes = @sessionMinutes, steps = @steps::jsonb, version = version + 1, updated_at = now()
            WHERE plan_id = @planId
            RETURNING version
            """, new { planId, title = content.Title, sessionMinutes = content.SessionMinutes, steps = StoredJson.Write(content.Steps) },
            transaction, cancellationToken: ct));

    public async Task<DateTime> MarkPublishedAsync(NpgsqlTransaction transaction, Guid planId, SessionPlanContent content, CancellationToken ct) =>
        await transaction.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition("""
            UPDATE session_plans SET published_content = @content::jsonb, published_at = now(), updated_at = now()
            WHERE plan_id = @planId
            RETURNING published_at
            """, new { planId, content = StoredJson.Write(content) }, transaction, cancellationToken: ct));

    /// <summary>A studio's plans, newest first; <paramref name="publishedOnly"/> for members who do not author them.</summary>
    public async Task<IReadOnlyList<SessionPlanRow>> ListForStudioAsync(NpgsqlConnection connection, Guid studioId, bool publishedOnly,
        (DateTime CreatedAt, Guid Id)? after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<SessionPlanRow>(new CommandDefinition($"""
            SELECT {Columns} FROM session_plans
            WHERE studio_id = @studioId
              AND (NOT @publishedOnly OR published_at IS NOT NULL)
              AND (@afterId::uuid IS NULL OR (created_at, plan_id) < (@afterCreatedAt, @afterId))
            ORDER BY created_at DESC, plan_id DESC
            LIMIT @limit
            """, new
        {
            studioId, publishedOnly, afterId = after?.Id, afterCreatedAt = after?.CreatedAt ?? DateTime.UnixEpoch, limit = limit + 1,
        }, cancellationToken: ct))).AsList();

    /// <summary>Published templates, and the caller's own drafts.</summary>
    public async Task<IReadOnlyList<SessionPlanRow>> ListTemplatesAsync(NpgsqlConnection connection, Guid caller,
        (DateTime CreatedAt, Guid Id)? after, int limit, CancellationToken ct) =>
        (await connection.QueryAsync<SessionPlanRow>(new CommandDefinition($"""
            SELECT {Columns} FROM session_plans
            WHERE kind = 'template'
              AND (published_at IS NOT NULL OR author_id = @caller)
              AND (@afterId::uuid IS NULL OR (created_at, plan_id) < (@afterCreatedAt, @afterId))
            ORDER BY created_at DESC, plan_id DESC
            LIMIT @limit
            """, new { caller, afterId = after?.Id, afterCreatedAt = after?.CreatedAt ?? DateTime.UnixEpoch, limit = limit + 1 },
            cancellationToken: ct))).AsList();

    public static string Wire(PlanKind kind) => kind == PlanKind.Template ? "template" : "studio";
}

public sealed class SessionPlanRow
{
    public Guid PlanId { get; init; }
    public string Kind { get; init; } = "";
    public Guid? StudioId { get; init; }
    public Guid? AuthorId { get; init; }
    public Guid? TemplateId { get; init; }
    public string Title { get; init; } = "";
    public int SessionMinutes { get; init; }
    public string Steps { get; init; } = "[]";
    public long Version { get; init; }
    public string? PublishedContent { get; init; }
    public DateTime? PublishedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public PlanKind PlanKind => Kind == "template" ? PlanKind.Template : PlanKind.Studio;

    public SessionPlanContent ToContent() => new(Title, SessionMinutes, StoredJson.Read<List<PlanStep>>(Steps));

    public SessionPlanContent? Published => PublishedContent is null ? null : StoredJson.Read<SessionPlanContent>(PublishedContent);
}
