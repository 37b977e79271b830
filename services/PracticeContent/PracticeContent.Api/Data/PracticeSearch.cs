using System.Text;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>Full-text search over the current published version of every practice that is not retired: the
/// generated tsvector (title A, tags and skills B, intent and invitation C, instructions D) matched with
/// websearch_to_tsquery and ranked by ts_rank, with filters and keyset paging on the chosen order.</summary>
public sealed class PracticeSearch
{
    public async Task<Page<PracticeHit>> SearchAsync(NpgsqlConnection connection, PracticeQuery query, CancellationToken ct)
    {
        var filters = new StringBuilder();
        var parameters = new DynamicParameters();
        parameters.Add("limit", query.Limit + 1);

        var from = "practice_versions v";
        var rank = "0::real";
        if (query.Text is not null)
        {
            from = "practice_versions v CROSS JOIN websearch_to_tsquery('english'::regconfig, @text) AS query";
            rank = "ts_rank(v.search, query)";
            filters.Append(" AND v.search @@ query");
            parameters.Add("text", query.Text);
        }
        if (query.Tags.Count > 0)
        {
            filters.Append(" AND v.tags @> @tags");
            parameters.Add("tags", query.Tags.ToArray());
        }
        if (query.Skills.Count > 0)
        {
            filters.Append(" AND v.skills @> @skills");
            parameters.Add("skills", query.Skills.ToArray());
        }
        if (query.MaxMinutes is { } maxMinutes)
        {
            // Fits: the practice can be run within the time available (its shortest form does).
            filters.Append(" AND v.min_minutes <= @maxMinutes");
            parameters.Add("maxMinutes", maxMinutes);
        }
        if (query.GroupSize is { } groupSize)
        {
            filters.Append(" AND v.min_group_size <= @groupSize AND v.max_group_size >= @groupSize");
            parameters.Add("groupSize", groupSize);
        }
        if (query.Mode is { } mode)
        {
            filters.Append(mode == PracticeMode.Online ? " AND v.online" : " AND v.in_person");
        }

        var (orderBy, after) = query.Sort switch
        {
            PracticeSort.Relevance => ("rank DESC, practice_id", "(rank < @afterRank OR (rank = @afterRank AND practice_id > @afterId))"),
            PracticeSort.Usage => ("times_practised DESC, practice_id",
                "(times_practised < @afterTimes OR (times_practised = @afterTimes AND practice_id > @afterId))"),
            PracticeSort.Title => ("title, practice_id", "(title > @afterTitle OR (title = @afterTitle AND practice_id > @afterId))"),
            _ => ("published_at DESC, practice_id",
                "(published_at < @afterPublishedAt OR (published_at = @afterPublishedAt AND practice_id > @afterId))"),
        };
        if (query.After is { } cursor)
        {
            parameters.Add("afterId", cursor.Id);
            parameters.Add("afterRank", cursor.Rank ?? 0f);
            parameters.Add("afterTimes", cursor.Times ?? 0L);
            parameters.Add("afterTitle", cursor.Title ?? "");
            parameters.Add("afterPublishedAt", DateTime.SpecifyKind(cursor.PublishedAt ?? DateTime.UnixEpoch, DateTimeKind.Utc));
        }

        // The inner query names the sort keys so the keyset predicate and ORDER BY can use them.
        var sql = $"""
            SELECT practice_id AS PracticeId, version AS Version, title AS Title, intent AS Intent, tags AS Tags, skills AS Skills,
                   min_minutes AS MinMinutes, max_minutes AS MaxMinutes, min_group_size AS MinGroupSize, max_group_size AS MaxGroupSize,
                   in_person AS InPerson, online AS Online, published_at AS PublishedAt, author_name AS AuthorName,
                   studio_id AS StudioId, times_practised AS TimesPractised, studios AS Studios, rank AS Rank
            FROM (
                SELECT v.practice_id, v.version, v.title, v.intent, v.tags, v.skills, v.min_minutes, v.max_minutes,
                       v.min_group_size, v.max_group_size, v.in_person, v.online, v.published_at, p.author_name, p.studio_id,
                       coalesce(u.times_practised, 0) AS times_practised, coalesce(u.studios, 0) AS studios, {rank} AS rank
                FROM {from}
                JOIN practices p ON p.practice_id = v.practice_id
                LEFT JOIN practice_usage u ON u.practice_id = v.practice_id
                WHERE v.is_current{filters}
            ) AS hit
            {(query.After is null ? "" : "WHERE " + after)}
            ORDER BY {orderBy}
            LIMIT @limit
            """;

        var rows = (await connection.QueryAsync<PracticeHit>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
        return Cursor.ToPage(rows, query.Limit, hit => query.Sort switch
        {
            PracticeSort.Relevance => new SearchCursor(query.Sort, hit.PracticeId, Rank: hit.Rank),
            PracticeSort.Usage => new SearchCursor(query.Sort, hit.PracticeId, Times: hit.TimesPractised),
            PracticeSort.Title => new SearchCursor(query.Sort, hit.PracticeId, Title: hit.Title),
            _ => new SearchCursor(query.Sort, hit.PracticeId, PublishedAt: hit.PublishedAt),
        });
    }
}

/// <summary>One search result: the practice's current published version, with its usage and rank.</summary>
public sealed class PracticeHit
{
    public Guid PracticeId { get; init; }
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public string Intent { get; init; } = "";
    public string[] Tags { get; init; } = [];
    public string[] Skills { get; init; } = [];
    public int MinMinutes { get; init; }
    public int MaxMinutes { get; init; }
    public int MinGroupSize { get; init; }
    public int MaxGroupSize { get; init; }
    public bool InPerson { get; init; }
    public bool Online { get; init; }
    public DateTime PublishedAt { get; init; }
    public string? AuthorName { get; init; }
    public Guid? StudioId { get; init; }
    public int TimesPractised { get; init; }
    public int Studios { get; init; }
    public float Rank { get; init; }
}
