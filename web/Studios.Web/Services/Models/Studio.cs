namespace Studios.Web.Services.Models;

/// <summary>A studio in the registry (Stewardship).</summary>
public sealed record Studio(
    Guid Id, string Name, string Purpose, string PracticeFocus, string IntendedCadence, int Capacity, string TimeZone,
    Guid FoundingFacilitatorId, string State, string? StateReason, IReadOnlyList<Guid> Stewards);
