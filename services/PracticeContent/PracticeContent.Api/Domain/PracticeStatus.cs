namespace Studios.PracticeContent.Domain;

/// <summary>Draft: never published. Published: has versions and shows in search. Retired: hidden from search, versions stay readable.</summary>
public enum PracticeStatus
{
    Draft,
    Published,
    Retired,
}
