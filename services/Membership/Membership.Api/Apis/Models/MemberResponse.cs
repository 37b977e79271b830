using Studios.Membership.Data;

namespace Studios.Membership.Apis.Models;

/// <summary>A roster line (also a join request: MembershipId is the request's id). Email and IntakeAnswer are
/// null unless the caller is the person, one of the studio's facilitators or an operator.</summary>
public sealed record MemberResponse(
    Guid MembershipId,
    Guid StudioId,
    Guid PersonId,
    string? DisplayName,
    string? Email,
    string Role,
    string State,
    string? JoinedVia,
    string? IntakeAnswer,
    long? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? JoinedAt,
    DateTimeOffset? EndedAt,
    string? EndReason)
{
    public static MemberResponse From(MemberView view, bool showContact) =>
        new(view.MembershipId, view.StudioId, view.PersonId, view.DisplayName, showContact ? view.Email : null, view.Role,
            view.State, view.JoinedVia, showContact ? view.IntakeAnswer : null, view.WaitlistPosition, view.CreatedAt,
            view.JoinedAt, view.EndedAt, view.EndReason);
}
