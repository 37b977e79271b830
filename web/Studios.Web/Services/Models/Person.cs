namespace Studios.Web.Services.Models;

/// <summary>A registered person's profile (Membership).</summary>
public sealed record Person(Guid Id, string DisplayName, string? Email, string TimeZone, string Locale);
