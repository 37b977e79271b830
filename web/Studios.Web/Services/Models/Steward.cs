namespace Studios.Web.Services.Models;

/// <summary>A steward in the pool: how many open studios they support of the most they take (Stewardship).</summary>
public sealed record Steward(Guid PersonId, string? DisplayName, int MaxStudios, int Load);
