using Studios.ServiceDefaults.Input;
using Studios.ServiceDefaults.Validation;
using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

public sealed record ProposeStudioRequest(
    string? Name,
    [property: Multiline] string? Purpose,
    string? PracticeFocus,
    string? IntendedCadence,
    int? Capacity,
    string? TimeZone,
    Guid? FoundingFacilitatorId)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .Text(Name, "name", StudioRules.NameMaxLength)
            .Text(Purpose, "purpose", StudioRules.PurposeMaxLength)
            .Text(PracticeFocus, "practiceFocus", StudioRules.PracticeFocusMaxLength)
            .Text(IntendedCadence, "intendedCadence", StudioRules.IntendedCadenceMaxLength);
        if (Capacity is null) errors.Add("capacity", "is required.");
        else errors.Check(Capacity is >= StudioRules.MinCapacity and <= StudioRules.MaxCapacity, "capacity",
            $"must be between {StudioRules.MinCapacity} and {StudioRules.MaxCapacity}.");
        if (string.IsNullOrWhiteSpace(TimeZone)) errors.Add("timeZone", "is required.");
        else errors.Check(IanaTimeZones.IsValid(TimeZone.Trim()), "timeZone", "is not a known IANA time zone (e.g. Europe/Berlin).");
        if (FoundingFacilitatorId is null) errors.Add("foundingFacilitatorId", "is required.");
        else errors.Check(FoundingFacilitatorId != Guid.Empty, "foundingFacilitatorId", "must be a person's id.");
        return errors;
    }
}
