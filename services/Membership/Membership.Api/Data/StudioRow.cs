using Studios.Membership.Domain;

namespace Studios.Membership.Data;

/// <summary>The local view of a studio; name, capacity and time zone stay null until StudioApproved arrives.</summary>
public sealed record StudioRow(
    Guid Id,
    string? Name,
    int? Capacity,
    string? TimeZone,
    DateTimeOffset? ApprovedAt,
    bool Paused,
    DateTimeOffset? RetiredAt,
    string JoinPolicy,
    string? IntakeQuestion,
    int Version)
{
    public string Status => StudioStatus.Of(ApprovedAt is not null, Paused, RetiredAt is not null);
}
