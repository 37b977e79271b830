namespace Studios.Membership.Apis.Models;

/// <summary>What a person enters to register or update their profile.</summary>
public sealed record PersonProfileRequest(string? DisplayName, string? Email, string? TimeZone, string? Locale);
