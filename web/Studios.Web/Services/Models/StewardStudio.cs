namespace Studios.Web.Services.Models;

/// <summary>A studio a steward supports, with its health (Stewardship).</summary>
public sealed record StewardStudio(Guid StudioId, string Name, string State, string? Health, int? HealthScore);
