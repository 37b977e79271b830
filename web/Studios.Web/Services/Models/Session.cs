namespace Studios.Web.Services.Models;

/// <summary>A session (Scheduling); LocalStart is the wall-clock time in the studio's zone, MyRsvp the caller's answer.</summary>
public sealed record Session(
    Guid Id, Guid StudioId, Guid SeriesId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string LocalStart, string? Location, string? OnlineUrl, int Capacity, int Going, int Waitlisted, string Status, bool Held,
    string? MyRsvp, Guid? PlanId = null);
