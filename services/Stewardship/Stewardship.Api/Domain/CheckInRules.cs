namespace Studios.Stewardship.Domain;

/// <summary>Limits on what a check-in may hold.</summary>
public static class CheckInRules
{
    public const int NotesMaxLength = 8000;
    public const int NameMaxLength = 200;
    public const int ActionMaxLength = 500;
    public const int MaxFollowUps = 20;
}
