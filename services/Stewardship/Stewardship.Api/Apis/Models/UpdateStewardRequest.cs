using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

/// <summary>Changes how many studios a steward may hold (and, optionally, the name shown for them).</summary>
public sealed record UpdateStewardRequest(int? MaxStudios, string? DisplayName)
{
    public FieldErrors Validate() => MaxStudiosRule.Check(MaxStudios,
        new FieldErrors().Text(DisplayName, "displayName", StudioRules.StewardNameMaxLength, required: false));
}
