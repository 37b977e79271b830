using Studios.Membership.Data;

namespace Studios.Membership.Apis.Models;

/// <summary>A person's profile; Email is null unless the caller may see it. The person sees the address they gave last
/// (EmailVerified false until they open the link mailed to it; until then mails go to their earlier verified address, if
/// any); others see only a verified address.</summary>
public sealed record PersonResponse(
    Guid Id,
    string DisplayName,
    string? Email,
    bool? EmailVerified,
    string TimeZone,
    string Locale,
    DateTimeOffset RegisteredAt,
    int Version)
{
    public static PersonResponse From(PersonRow person, bool showEmail) =>
        new(person.Id, person.DisplayName!, showEmail ? person.Email : null, showEmail && person.Email is not null ? true : null,
            person.TimeZone!, person.Locale!, person.RegisteredAt, person.Version);

    /// <summary>The person's own view: an unverified claim shows instead of the verified address.</summary>
    public static PersonResponse Own(PersonRow person, EmailClaimRow? claim) =>
        claim is null
            ? From(person, showEmail: true) with { EmailVerified = person.Email is not null }
            : From(person, showEmail: true) with { Email = claim.Email, EmailVerified = false };
}
