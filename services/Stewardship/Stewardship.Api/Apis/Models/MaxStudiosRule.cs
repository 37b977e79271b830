using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

/// <summary>How many studios a steward may hold: required, within the pool's limits.</summary>
internal static class MaxStudiosRule
{
    public static FieldErrors Check(int? maxStudios, FieldErrors errors) => maxStudios is null
        ? errors.Add("maxStudios", "is required.")
        : errors.Check(maxStudios is >= StudioRules.MinStudiosPerSteward and <= StudioRules.MaxStudiosPerSteward, "maxStudios",
            $"must be between {StudioRules.MinStudiosPerSteward} and {StudioRules.MaxStudiosPerSteward}.");
}
