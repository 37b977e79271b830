namespace Studios.Stewardship.Apis.Models;

/// <summary>An active studio needing attention, with the reasons published with its state.</summary>
public sealed record StudioAttentionResponse(Guid StudioId, string Name, int Score, IReadOnlyList<string> Reasons, DateTimeOffset Since);
