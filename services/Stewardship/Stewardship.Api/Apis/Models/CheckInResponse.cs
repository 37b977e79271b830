using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis.Models;

public sealed record CheckInResponse(
    Guid Id,
    Guid StudioId,
    Guid StewardId,
    string? StewardName,
    Guid FacilitatorId,
    string? FacilitatorName,
    DateOnly HeldOn,
    string Notes,
    DateTimeOffset RecordedAt,
    IReadOnlyList<FollowUpResponse> FollowUps)
{
    public static CheckInResponse From(CheckInRow row, IEnumerable<FollowUpRow> followUps) => new(row.Id, row.StudioId,
        row.StewardId, row.StewardName, row.FacilitatorId, row.FacilitatorName, row.HeldOn, row.Notes, row.RecordedAt,
        followUps.Select(FollowUpResponse.From).ToList());
}
