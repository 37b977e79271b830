using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>A practice as a client sends it: every field may be missing or wrong until checked.</summary>
public sealed record PracticeInput(
    string? Title,
    string? Intent,
    string? Invitation,
    string? Instructions,
    IReadOnlyList<PracticeStepInput?>? Steps,
    int? MinMinutes,
    int? MaxMinutes,
    int? MinGroupSize,
    int? MaxGroupSize,
    IReadOnlyList<string?>? Skills,
    IReadOnlyList<string?>? Tags,
    bool? InPerson,
    bool? Online,
    string? Licence);

public sealed record PracticeStepInput(string? Title, [property: Multiline] string? Description, int? Minutes);
