using Studios.Scheduling.Data;
using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

/// <summary>A session; StartsAt/EndsAt are instants, LocalStart the wall-clock time in the studio's zone.</summary>
public sealed record SessionResponse(
    Guid Id,
    Guid StudioId,
    Guid SeriesId,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string LocalStart,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    int Going,
    int Waitlisted,
    Guid? FacilitatorId,
    Guid? PlanId,
    SessionStatus Status,
    string? CancelReason,
    bool Held,
    int Sequence,
    int Version,
    RsvpStatus? MyRsvp)
{
    public static SessionResponse From(SessionRow row) => new(
        row.Id, row.StudioId, row.SeriesId, row.Title, row.Start, row.End, row.TimeZone, LocalTime.Format(row.Start, row.TimeZone),
        row.Location, row.OnlineUrl, row.Capacity, row.Going, row.Waitlisted, row.FacilitatorId, row.PlanId,
        Kebab.Parse<SessionStatus>(row.Status), row.CancelReason, row.HeldAt is not null, row.Sequence, row.Version,
        row.MyRsvp is null ? null : Kebab.Parse<RsvpStatus>(row.MyRsvp));

    /// <summary>A page of sessions from rows fetched with LIMIT take + 1.</summary>
    public static Page<SessionResponse> PageOf(IReadOnlyList<SessionRow> rows, int take)
    {
        var page = Cursor.ToPage(rows, take, row => new SessionKey(row.Start, row.Id));
        return new Page<SessionResponse>(page.Items.Select(From).ToList(), page.NextCursor);
    }
}
