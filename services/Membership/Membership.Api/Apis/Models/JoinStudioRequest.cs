using Studios.ServiceDefaults.Input;
namespace Studios.Membership.Apis.Models;

/// <summary>Asking to join; the intake answer matters only under request-to-join.</summary>
public sealed record JoinStudioRequest([property: Multiline] string? IntakeAnswer);
