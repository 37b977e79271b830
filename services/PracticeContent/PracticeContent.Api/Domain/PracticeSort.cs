namespace Studios.PracticeContent.Domain;

/// <summary>Search orders. Relevance needs a query; without one it falls back to Recent.</summary>
public enum PracticeSort
{
    Relevance,
    Usage,
    Recent,
    Title,
}
