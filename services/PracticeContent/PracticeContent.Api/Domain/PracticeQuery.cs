using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>A checked search: full-text words, filters, order and the keyset to continue after.</summary>
public sealed record PracticeQuery(
    string? Text,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Skills,
    int? MaxMinutes,
    int? GroupSize,
    PracticeMode? Mode,
    PracticeSort Sort,
    SearchCursor? After,
    int Limit)
{
    public const int MaxTextLength = 200;

    /// <summary>Parses query-string values (tags and skills comma-separated or repeated); null when errors were added.</summary>
    public static PracticeQuery? From(
        string? q, string[]? tags, string[]? skills, int? maxMinutes, int? groupSize, string? mode, string? sort,
        string? cursor, int? limit, FieldErrors errors)
    {
        string? text = null;
        if (!string.IsNullOrWhiteSpace(q))
            text = TextRules.Check(errors, q, "q", MaxTextLength, required: false, multiline: false);

        var tagList = Labels.Check(errors, Split(tags), "tags");
        var skillList = Labels.Check(errors, Split(skills), "skills");
        if (maxMinutes is not null and not (>= 1 and <= 1_440)) errors.Add("maxMinutes", "must be between 1 and 1440.");
        if (groupSize is not null and not (>= 1 and <= PracticeDetails.MaxGroupSizeLimit))
            errors.Add("groupSize", $"must be between 1 and {PracticeDetails.MaxGroupSizeLimit}.");

        PracticeMode? parsedMode = mode switch
        {
            null or "" => null,
            "online" => PracticeMode.Online,
            "in-person" => PracticeMode.InPerson,
            _ => null,
        };
        if (!string.IsNullOrEmpty(mode) && parsedMode is null) errors.Add("mode", "must be 'online' or 'in-person'.");

        var parsedSort = sort switch
        {
            null or "" => text is null ? PracticeSort.Recent : PracticeSort.Relevance,
            "relevance" => text is null ? PracticeSort.Recent : PracticeSort.Relevance,
            "usage" => PracticeSort.Usage,
            "recent" => PracticeSort.Recent,
            "title" => PracticeSort.Title,
            _ => (PracticeSort)(-1),
        };
        if (!Enum.IsDefined(parsedSort)) errors.Add("sort", "must be one of relevance, usage, recent, title.");
        var (after, size) = Paging.Read<SearchCursor>(cursor, limit, errors);
        // A cursor from a search in another order would skip or repeat results.
        if (after is not null && after.Sort != parsedSort) errors.Add("cursor", Paging.CursorError);

        return errors.Any
            ? null
            : new PracticeQuery(text, tagList, skillList, maxMinutes, groupSize, parsedMode, parsedSort, after, size);
    }

    private static List<string?> Split(string[]? values) =>
        (values ?? []).SelectMany(value => (value ?? string.Empty).Split(',')).Where(value => value.Length > 0).Select(v => (string?)v).ToList();
}

/// <summary>The sort key of the last item on a page; only the part its sort uses is set.</summary>
public sealed record SearchCursor(PracticeSort Sort, Guid Id, float? Rank = null, long? Times = null, DateTime? PublishedAt = null, string? Title = null);
