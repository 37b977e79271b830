namespace Studios.Web.Services.Models;

/// <summary>One of the signed-in person's studios (Membership).</summary>
public sealed record MyStudio(Guid MembershipId, Guid StudioId, string? StudioName, string StudioStatus, string Role, string State,
    long? WaitlistPosition);
