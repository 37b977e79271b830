using Studios.ServiceDefaults.Input;
namespace Studios.PracticeContent.Domain;

/// <summary>A plan's title, session length and ordered steps; the steps' time boxes must fit the session.</summary>
public sealed record SessionPlanContent(string Title, int SessionMinutes, IReadOnlyList<PlanStep> Steps)
{
    public const int MaxSessionMinutes = 600;
    public const int MaxSteps = 50;

    public int TotalMinutes => Steps.Sum(step => step.Minutes);

    /// <summary>Checks the shape; whether pinned versions exist is for the caller to check against storage.</summary>
    public static SessionPlanContent? From(string? title, int? sessionMinutes, IReadOnlyList<PlanStepInput?>? steps, FieldErrors errors)
    {
        var checkedTitle = TextRules.Check(errors, title, "title", PracticeDetails.MaxTitleLength, required: true, multiline: false);
        if (sessionMinutes is not (>= 5 and <= MaxSessionMinutes))
            errors.Add("sessionMinutes", $"is required, between 5 and {MaxSessionMinutes}.");

        var result = new List<PlanStep>();
        var inputs = steps ?? [];
        if (inputs.Count > MaxSteps) errors.Add("steps", $"must have at most {MaxSteps} entries.");
        for (var i = 0; i < inputs.Count; i++)
        {
            var step = inputs[i];
            var field = $"steps[{i}]";
            if (step is null)
            {
                errors.Add(field, "must not be null.");
                continue;
            }
            if (step.Minutes is not (>= 1 and <= MaxSessionMinutes))
                errors.Add($"{field}.minutes", $"must be between 1 and {MaxSessionMinutes}.");
            var notes = TextRules.Check(errors, step.Notes, $"{field}.notes", PracticeDetails.MaxProseLength, required: false, multiline: true);
            if (step.PracticeId is { } practiceId)
            {
                if (step.Version is not >= 1) errors.Add($"{field}.version", "is required with practiceId: a plan pins a published version.");
                var stepTitle = TextRules.Check(errors, step.Title, $"{field}.title", PracticeDetails.MaxTitleLength, required: false, multiline: false);
                result.Add(new PlanStep(practiceId, step.Version, stepTitle, notes, step.Minutes ?? 0));
            }
            else
            {
                if (step.Version is not null) errors.Add($"{field}.practiceId", "is required with version.");
                var stepTitle = TextRules.Check(errors, step.Title, $"{field}.title", PracticeDetails.MaxTitleLength, required: true, multiline: false);
                result.Add(new PlanStep(null, null, stepTitle, notes, step.Minutes ?? 0));
            }
        }

        var total = result.Sum(step => step.Minutes);
        if (sessionMinutes is >= 5 and <= MaxSessionMinutes && total > sessionMinutes)
            errors.Add("steps", $"take {total} minutes, which does not fit the session length of {sessionMinutes} minutes.");

        return errors.Any ? null : new SessionPlanContent(checkedTitle, sessionMinutes!.Value, result);
    }

    public bool SameAs(SessionPlanContent other) =>
        Title == other.Title && SessionMinutes == other.SessionMinutes && Steps.SequenceEqual(other.Steps);
}
