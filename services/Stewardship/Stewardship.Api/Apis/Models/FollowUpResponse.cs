using Studios.Stewardship.Data;

namespace Studios.Stewardship.Apis.Models;

public sealed record FollowUpResponse(
    Guid Id,
    Guid CheckInId,
    Guid StudioId,
    string StudioName,
    Guid StewardId,
    string Action,
    DateOnly DueOn,
    bool Open,
    DateTimeOffset? CompletedAt)
{
    public static FollowUpResponse From(FollowUpRow row) => new(row.Id, row.CheckInId, row.StudioId, row.StudioName, row.StewardId,
        row.Action, row.DueOn, row.CompletedAt is null, row.CompletedAt);
}
