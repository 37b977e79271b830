namespace Studios.PracticeContent.Domain;

/// <summary>Who may read a reflection. Anyone else gets "not found", never "forbidden": a private reflection's
/// existence is itself private.</summary>
public static class ReflectionRules
{
    public const int MaxTextLength = 10_000;

    public static bool MayRead(Guid reader, Guid authorId, ReflectionVisibility visibility, bool readerIsStudioMember) =>
        reader == authorId || visibility switch
        {
            ReflectionVisibility.Network => true,
            ReflectionVisibility.Studio => readerIsStudioMember,
            _ => false,
        };

    /// <summary>Visibilities other than private publish ReflectionShared.</summary>
    public static bool IsShared(ReflectionVisibility visibility) => visibility != ReflectionVisibility.Private;

    public static string Wire(ReflectionVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ReflectionVisibility visibility)
    {
        visibility = ReflectionVisibility.Private;
        return value is not null && !value.Any(char.IsUpper) && !int.TryParse(value, out _)
            && Enum.TryParse(value, ignoreCase: true, out visibility) && Enum.IsDefined(visibility);
    }
}
