using Studios.ServiceDefaults.Input;
namespace Studios.Membership.Apis.Models;

/// <summary>A studio's join policy (open, request-to-join, invite-only) and the question asked of people requesting to join.</summary>
public sealed record JoinPolicyRequest(string? JoinPolicy, [property: Multiline] string? IntakeQuestion);
