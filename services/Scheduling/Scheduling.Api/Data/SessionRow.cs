using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Data;

public sealed record SessionRow(
    Guid Id,
    Guid SeriesId,
    Guid StudioId,
    DateTime OriginalStart,
    DateTime StartsAt,
    DateTime EndsAt,
    string TimeZone,
    string Title,
    string? Location,
    string? OnlineUrl,
    int Capacity,
    Guid? FacilitatorId,
    Guid? PlanId,
    string Status,
    string? CancelReason,
    string? CancelCause,
    bool Detached,
    int Sequence,
    int Version,
    DateTime? HeldAt,
    DateTime UpdatedAt,
    int Going,
    int Waitlisted,
    string? MyRsvp)
{
    public DateTimeOffset Start => DapperTimestamps.Utc(StartsAt);
    public DateTimeOffset End => DapperTimestamps.Utc(EndsAt);
    public bool IsCancelled => Status == Kebab.Of(SessionStatus.Cancelled);

    public FeedSession ToFeed() => new(Id, SeriesId, DapperTimestamps.Utc(OriginalStart), Start, End, Title, Location, OnlineUrl,
        IsCancelled, CancelReason, Sequence, DapperTimestamps.Utc(UpdatedAt));
}
