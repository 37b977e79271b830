using Studios.ServiceDefaults.Validation;

namespace Studios.Membership.Domain;

/// <summary>A person's profile as they enter it, trimmed and with the email normalised.</summary>
public sealed record PersonProfile(string DisplayName, string Email, string TimeZone, string Locale)
{
    public const int MaxDisplayName = 100;

    /// <summary>Every invalid field with its reason; none when the profile may be saved.</summary>
    public static FieldErrors Validate(string? displayName, string? email, string? timeZone, string? locale)
    {
        var errors = new FieldErrors().Text(displayName, "displayName", MaxDisplayName);
        if (!string.IsNullOrWhiteSpace(displayName) && displayName.Any(char.IsControl))
            errors.Add("displayName", "must not contain control characters.");
        if (string.IsNullOrWhiteSpace(email)) errors.Add("email", "is required.");
        else errors.Check(EmailAddresses.IsValid(email), "email", "is not a valid email address.");
        if (string.IsNullOrWhiteSpace(timeZone)) errors.Add("timeZone", "is required.");
        else errors.Check(IanaTimeZones.IsValid(timeZone.Trim()), "timeZone", "is not an IANA time zone (e.g. Europe/Berlin).");
        if (string.IsNullOrWhiteSpace(locale)) errors.Add("locale", "is required.");
        else errors.Check(Locales.IsValid(locale.Trim()), "locale", "is not a language tag (e.g. en, en-GB).");
        return errors;
    }

    /// <summary>Call after <see cref="Validate"/> found nothing.</summary>
    public static PersonProfile From(string displayName, string email, string timeZone, string locale) =>
        new(displayName.Trim(), EmailAddresses.Normalize(email), timeZone.Trim(), locale.Trim());
}
