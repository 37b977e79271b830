namespace Studios.Stewardship.Data;

/// <summary>The sort key of the last check-in on a page.</summary>
public sealed record CheckInCursor(DateOnly HeldOn, Guid Id);
