using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Data;

/// <summary>The content columns a draft and a published version share.</summary>
public abstract class ContentRow
{
    public const string Columns = """
        title AS Title, intent AS Intent, invitation AS Invitation, instructions AS Instructions, steps::text AS Steps,
        min_minutes AS MinMinutes, max_minutes AS MaxMinutes, min_group_size AS MinGroupSize, max_group_size AS MaxGroupSize,
        skills AS Skills, tags AS Tags, in_person AS InPerson, online AS Online, licence AS Licence
        """;

    public string Title { get; init; } = "";
    public string Intent { get; init; } = "";
    public string Invitation { get; init; } = "";
    public string Instructions { get; init; } = "";
    public string Steps { get; init; } = "[]";
    public int MinMinutes { get; init; }
    public int MaxMinutes { get; init; }
    public int MinGroupSize { get; init; }
    public int MaxGroupSize { get; init; }
    public string[] Skills { get; init; } = [];
    public string[] Tags { get; init; } = [];
    public bool InPerson { get; init; }
    public bool Online { get; init; }
    public string Licence { get; init; } = "";

    public PracticeDetails ToContent() => new(Title, Intent, Invitation, Instructions, StoredJson.Read<List<PracticeStep>>(Steps),
        MinMinutes, MaxMinutes, MinGroupSize, MaxGroupSize, Skills, Tags, InPerson, Online, Licence);

    /// <summary>Dapper parameters for the content columns (steps as JSON text for a ::jsonb cast).</summary>
    public static DynamicParameters Parameters(PracticeDetails content)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Title", content.Title);
        parameters.Add("Intent", content.Intent);
        parameters.Add("Invitation", content.Invitation);
        parameters.Add("Instructions", content.Instructions);
        parameters.Add("Steps", StoredJson.Write(content.Steps));
        parameters.Add("MinMinutes", content.MinMinutes);
        parameters.Add("MaxMinutes", content.MaxMinutes);
        parameters.Add("MinGroupSize", content.MinGroupSize);
        parameters.Add("MaxGroupSize", content.MaxGroupSize);
        parameters.Add("Skills", content.Skills.ToArray());
        parameters.Add("Tags", content.Tags.ToArray());
        parameters.Add("InPerson", content.InPerson);
        parameters.Add("Online", content.Online);
        parameters.Add("Licence", content.Licence);
        return parameters;
    }
}

/// <summary>A practice with its draft.</summary>
public sealed class PracticeRow : ContentRow
{
    public Guid PracticeId { get; init; }
    public Guid? AuthorId { get; init; }
    public string? AuthorName { get; init; }
    public Guid? StudioId { get; init; }
    public Guid? AdaptedFromPracticeId { get; init; }
    public int? AdaptedFromVersion { get; init; }
    public long Version { get; init; }
    public int? LatestVersion { get; init; }
    public DateTime? RetiredAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public PracticeStatus Status =>
        RetiredAt is not null ? PracticeStatus.Retired : LatestVersion is not null ? PracticeStatus.Published : PracticeStatus.Draft;
}

/// <summary>One immutable published version.</summary>
public sealed class PracticeVersionRow : ContentRow
{
    public Guid PracticeId { get; init; }
    public int Version { get; init; }
    public DateTime PublishedAt { get; init; }
    public bool IsCurrent { get; init; }
}
