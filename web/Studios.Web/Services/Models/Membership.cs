namespace Studios.Web.Services.Models;

/// <summary>A roster line or join request (Membership's MemberResponse).</summary>
public sealed record Membership(
    Guid MembershipId, Guid StudioId, Guid PersonId, string? DisplayName, string? Email, string Role, string State,
    string? IntakeAnswer, long? WaitlistPosition);
