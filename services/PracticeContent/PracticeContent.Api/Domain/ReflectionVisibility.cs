namespace Studios.PracticeContent.Domain;

/// <summary>Private: only the author. Studio: the studio's members. Network: every signed-in person.</summary>
public enum ReflectionVisibility
{
    Private,
    Studio,
    Network,
}
