using Studios.Membership.Data;
using Studios.Membership.Domain;

namespace Studios.Membership.Apis.Models;

/// <summary>One of a person's memberships, with where they stand and the studio's status.</summary>
public sealed record PersonStudioResponse(
    Guid MembershipId,
    Guid StudioId,
    string? StudioName,
    string StudioStatus,
    string Role,
    string State,
    string? JoinedVia,
    long? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static PersonStudioResponse From(PersonStudioView view) =>
        new(view.MembershipId, view.StudioId, view.StudioName,
            Domain.StudioStatus.Of(view.ApprovedAt is not null, view.Paused, view.RetiredAt is not null),
            view.Role, view.State, view.JoinedVia, view.WaitlistPosition, view.CreatedAt, view.JoinedAt,
            view.EndedAt, view.EndReason);
}
