namespace Studios.Stewardship.Data;

/// <summary>What a person looks for among active studios: words in the name, purpose or practice focus, a time zone,
/// a weekday an upcoming session falls on there (ISO: 1 Monday … 7 Sunday), only studios with places left.</summary>
public sealed record StudioSearch(string? Text, string? TimeZone, int? MeetingDay, bool OpenPlacesOnly, StudioCursor? After, int Limit);
