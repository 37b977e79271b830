using Studios.ServiceDefaults.Input;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

/// <summary>A steward's check-in with a facilitator: when, the notes, and the follow-up actions agreed.</summary>
public sealed record RecordCheckInRequest(
    Guid? FacilitatorId,
    string? FacilitatorName,
    DateOnly? HeldOn,
    [property: Multiline] string? Notes,
    IReadOnlyList<FollowUpRequest?>? FollowUps)
{
    /// <param name="today">Today in the studio's time zone: a check-in cannot be recorded ahead of time.</param>
    public FieldErrors Validate(DateOnly today)
    {
        var errors = new FieldErrors()
            .Check(FacilitatorId is not null, "facilitatorId", "is required.")
            .Text(FacilitatorName, "facilitatorName", CheckInRules.NameMaxLength, required: false)
            .Check(HeldOn is not null, "heldOn", "is required.")
            .Check(HeldOn is null || HeldOn <= today, "heldOn", "cannot be in the future.")
            .Text(Notes, "notes", CheckInRules.NotesMaxLength)
            .Check((FollowUps?.Count ?? 0) <= CheckInRules.MaxFollowUps, "followUps", $"must be at most {CheckInRules.MaxFollowUps}.");
        for (var i = 0; i < (FollowUps?.Count ?? 0); i++)
        {
            var followUp = FollowUps![i];
            if (followUp is null)
            {
                errors.Add($"followUps[{i}]", "is required.");
                continue;
            }
            errors.Text(followUp.Action, $"followUps[{i}].action", CheckInRules.ActionMaxLength)
                .Check(followUp.DueOn is not null, $"followUps[{i}].dueOn", "is required.")
                .Check(followUp.DueOn is null || HeldOn is null || followUp.DueOn >= HeldOn, $"followUps[{i}].dueOn",
                    "cannot be before the check-in.");
        }
        return errors;
    }
}
