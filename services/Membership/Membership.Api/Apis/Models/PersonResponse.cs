using Studios.Membership.Data;

namespace Studios.Membership.Apis.Models;

/// <summary>A person's profile; Email is null unless the caller may see it.</summary>
public sealed record PersonResponse(
    Guid Id,
    string DisplayName,
    string? Email,
    string TimeZone,
    string Locale,
    DateTimeOffset RegisteredAt,
    int Version)
{
    public static PersonResponse From(PersonRow person, bool showEmail) =>
        new(person.Id, person.DisplayName!, showEmail ? person.Email : null, person.TimeZone!, person.Locale!,
            person.RegisteredAt, person.Version);
}
