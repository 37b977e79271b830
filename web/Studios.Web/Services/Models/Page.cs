namespace Studios.Web.Services.Models;

/// <summary>A page of a service's list, as every service returns it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
