namespace Studios.PracticeContent.Domain;

/// <summary>Where a practice can be done.</summary>
public enum PracticeMode
{
    InPerson,
    Online,
}
