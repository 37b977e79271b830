namespace Studios.Membership.Data;

/// <summary>A person as stored; every personal field is null once they are erased.</summary>
public sealed record PersonRow(
    Guid Id,
    string? DisplayName,
    string? Email,
    string? TimeZone,
    string? Locale,
    int Version,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ErasedAt)
{
    public bool IsErased => ErasedAt is not null;
}
