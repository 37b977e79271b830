namespace Studios.Membership.Apis.Models;

public sealed record RoleChangeRequest(string? Role);
