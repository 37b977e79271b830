using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Practice content as served: Markdown and any markup inside it are plain JSON strings, never rendered.</summary>
public sealed record PracticeContentResponse(
    string Title,
    string Intent,
    string Invitation,
    string Instructions,
    IReadOnlyList<PracticeStep> Steps,
    int StepMinutes,
    int MinMinutes,
    int MaxMinutes,
    int MinGroupSize,
    int MaxGroupSize,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Tags,
    bool InPerson,
    bool Online,
    string Licence)
{
    public static PracticeContentResponse From(PracticeDetails content) => new(content.Title, content.Intent, content.Invitation,
        content.Instructions, content.Steps, content.StepMinutes, content.MinMinutes, content.MaxMinutes, content.MinGroupSize,
        content.MaxGroupSize, content.Skills, content.Tags, content.InPerson, content.Online, content.Licence);
}
