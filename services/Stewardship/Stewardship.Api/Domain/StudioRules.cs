namespace Studios.Stewardship.Domain;

/// <summary>Limits on what a studio proposal, a lifecycle reason and a steward may hold.</summary>
public static class StudioRules
{
    public const int NameMaxLength = 120;
    public const int PurposeMaxLength = 2000;
    public const int PracticeFocusMaxLength = 500;
    public const int IntendedCadenceMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 500;
    public const int StewardNameMaxLength = 200;
    public const int MinStudiosPerSteward = 1;
    public const int MaxStudiosPerSteward = 100;
}
