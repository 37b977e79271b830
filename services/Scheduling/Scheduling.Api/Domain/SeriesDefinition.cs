namespace Studios.Scheduling.Domain;

/// <summary>A checked series: what it is called, when it happens, where, for how many, and who facilitates.</summary>
public sealed record SeriesDefinition(
    string Title,
    SeriesSchedule Schedule,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    Guid FacilitatorId);
