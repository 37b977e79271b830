using Studios.ServiceDefaults.Input;
using Studios.PracticeContent.Data;
using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Apis.Models;

/// <summary>Body of POST /practices and PUT /practices/{id}: the whole draft.</summary>
public sealed record PracticeRequest(
    string? Title,
    [property: Multiline] string? Intent,
    [property: Multiline] string? Invitation,
    [property: Multiline] string? Instructions,
    IReadOnlyList<PracticeStepInput?>? Steps,
    int? MinMinutes,
    int? MaxMinutes,
    int? MinGroupSize,
    int? MaxGroupSize,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<string?>? Tags,
    bool? InPerson,
    bool? Online,
    [property: Multiline] string? Licence)
{
    public PracticeInput ToInput() => new(Title, Intent, Invitation, Instructions, Steps, MinMinutes, MaxMinutes,
        MinGroupSize, MaxGroupSize, Skills, Tags, InPerson, Online, Licence);
}
