namespace Studios.Stewardship.Domain;

/// <summary>Where a studio is in its life: proposed → active ⇄ paused → retired, or proposed → declined.</summary>
public enum StudioState
{
    Proposed,
    Active,
    Paused,
    Declined,
    Retired,
}

public static class StudioStates
{
    /// <summary>The lowercase name used in the database, in JSON and in query strings.</summary>
    public static string ToText(this StudioState state) => state switch
    {
        StudioState.Proposed => "proposed",
        StudioState.Active => "active",
        StudioState.Paused => "paused",
        StudioState.Declined => "declined",
        StudioState.Retired => "retired",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? text, out StudioState state)
    {
        foreach (var candidate in Enum.GetValues<StudioState>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }

    public static StudioState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"'{text}' is not a studio state.");

    /// <summary>A studio that still exists for its people (not declined, not retired).</summary>
    public static bool IsOpen(this StudioState state) => state is StudioState.Proposed or StudioState.Active or StudioState.Paused;

    public static string AllText => string.Join(", ", Enum.GetValues<StudioState>().Select(s => s.ToText()));
}
