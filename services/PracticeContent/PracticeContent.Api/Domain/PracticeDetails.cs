using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>What a practice says: the draft being edited, or a published version (then immutable).
/// Instructions are Markdown kept as text; nothing here is ever rendered.</summary>
public sealed record PracticeDetails(
    string Title,
    string Intent,
    string Invitation,
    string Instructions,
    IReadOnlyList<PracticeStep> Steps,
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
    public const int MaxTitleLength = 200;
    public const int MaxProseLength = 4_000;
    public const int MaxInstructionsLength = 50_000;
    public const int MaxSteps = 50;
    public const int MaxDurationMinutes = 600;
    public const int MaxGroupSizeLimit = 1_000;

    public int StepMinutes => Steps.Sum(step => step.Minutes);

    /// <summary>Checks and normalises <paramref name="input"/>; null when <paramref name="errors"/> got any.</summary>
    public static PracticeDetails? From(PracticeInput input, FieldErrors errors)
    {
        var title = TextRules.Check(errors, input.Title, "title", MaxTitleLength, required: true, multiline: false);
        var intent = TextRules.Check(errors, input.Intent, "intent", MaxProseLength, required: false, multiline: true);
        var invitation = TextRules.Check(errors, input.Invitation, "invitation", MaxProseLength, required: false, multiline: true);
        var instructions = TextRules.Check(errors, input.Instructions, "instructions", MaxInstructionsLength, required: false, multiline: true);
        var licence = TextRules.Check(errors, input.Licence, "licence", 500, required: false, multiline: true);

        var steps = new List<PracticeStep>();
        var stepInputs = input.Steps ?? [];
        if (stepInputs.Count > MaxSteps) errors.Add("steps", $"must have at most {MaxSteps} entries.");
        for (var i = 0; i < stepInputs.Count; i++)
        {
            var step = stepInputs[i];
            if (step is null)
            {
                errors.Add($"steps[{i}]", "must not be null.");
                continue;
            }
            var stepTitle = TextRules.Check(errors, step.Title, $"steps[{i}].title", MaxTitleLength, required: true, multiline: false);
            var description = TextRules.Check(errors, step.Description, $"steps[{i}].description", MaxProseLength, required: false, multiline: true);
            if (step.Minutes is not (>= 1 and <= MaxDurationMinutes))
                errors.Add($"steps[{i}].minutes", $"must be between 1 and {MaxDurationMinutes}.");
            steps.Add(new PracticeStep(stepTitle, description, step.Minutes ?? 0));
        }

        var minMinutes = input.MinMinutes ?? 0;
        var maxMinutes = input.MaxMinutes ?? minMinutes;
        if (input.MinMinutes is not (>= 1 and <= MaxDurationMinutes))
            errors.Add("minMinutes", $"is required, between 1 and {MaxDurationMinutes}.");
        else if (maxMinutes < minMinutes || maxMinutes > MaxDurationMinutes)
            errors.Add("maxMinutes", $"must be between minMinutes ({minMinutes}) and {MaxDurationMinutes}.");
        else if (steps.Sum(step => step.Minutes) is var total && total > maxMinutes)
            errors.Add("steps", $"take {total} minutes, which does not fit the practice's duration of at most {maxMinutes} minutes.");

        var minGroup = input.MinGroupSize ?? 1;
        var maxGroup = input.MaxGroupSize ?? Math.Max(minGroup, MaxGroupSizeLimit);
        if (minGroup is < 1 or > MaxGroupSizeLimit)
            errors.Add("minGroupSize", $"must be between 1 and {MaxGroupSizeLimit}.");
        else if (maxGroup < minGroup || maxGroup > MaxGroupSizeLimit)
            errors.Add("maxGroupSize", $"must be between minGroupSize ({minGroup}) and {MaxGroupSizeLimit}.");

        var skills = Labels.Check(errors, input.Skills, "skills");
        var tags = Labels.Check(errors, input.Tags, "tags");

        var inPerson = input.InPerson ?? true;
        var online = input.Online ?? false;
        if (!inPerson && !online) errors.Add("online", "a practice must suit in-person or online sessions (or both).");

        return errors.Any
            ? null
            : new PracticeDetails(title, intent, invitation, instructions, steps, minMinutes, maxMinutes, minGroup, maxGroup,
                skills, tags, inPerson, online, licence);
    }

    /// <summary>Same content, field by field: publishing an unchanged draft would create an identical version.</summary>
    public bool SameAs(PracticeDetails other) =>
        Title == other.Title && Intent == other.Intent && Invitation == other.Invitation && Instructions == other.Instructions
        && Steps.SequenceEqual(other.Steps) && MinMinutes == other.MinMinutes && MaxMinutes == other.MaxMinutes
        && MinGroupSize == other.MinGroupSize && MaxGroupSize == other.MaxGroupSize
        && Skills.SequenceEqual(other.Skills) && Tags.SequenceEqual(other.Tags)
        && InPerson == other.InPerson && Online == other.Online && Licence == other.Licence;
}
