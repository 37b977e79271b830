using Studios.ServiceDefaults.Input;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

/// <summary>Why a studio is declined, paused or retired.</summary>
public sealed record ReasonRequest([property: Multiline] string? Reason)
{
    public FieldErrors Validate(bool required) =>
        new FieldErrors().Text(Reason, "reason", StudioRules.ReasonMaxLength, required);
}
