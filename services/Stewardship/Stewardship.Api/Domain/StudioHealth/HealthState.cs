namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>How a studio is doing, as stewards speak of it.</summary>
public enum HealthState
{
    Thriving,
    Steady,
    AtRisk,
    Dormant,
}

public static class HealthStates
{
    /// <summary>The kebab-case name used in the database and in events ("at-risk").</summary>
    public static string ToText(this HealthState state) => state switch
    {
        HealthState.Thriving => "thriving",
        HealthState.Steady => "steady",
        HealthState.AtRisk => "at-risk",
        HealthState.Dormant => "dormant",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static HealthState Parse(string text) =>
        Enum.GetValues<HealthState>().Single(state => state.ToText() == text);
}
