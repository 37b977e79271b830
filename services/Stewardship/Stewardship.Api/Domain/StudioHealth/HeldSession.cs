namespace Studios.Stewardship.Domain.StudioHealth;

/// <summary>A session that took place: who came (present or late) out of who was expected (excused people are not).</summary>
public sealed record HeldSession(Guid SessionId, DateTimeOffset StartsAt, int Attended, int Expected);
