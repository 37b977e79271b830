using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Apis.Models;

public sealed record AddStewardRequest(Guid? PersonId, string? DisplayName, int? MaxStudios)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .Check(PersonId is not null, "personId", "is required.")
            .Check(PersonId != Guid.Empty, "personId", "must be a person's id.")
            .Text(DisplayName, "displayName", StudioRules.StewardNameMaxLength, required: false);
        return MaxStudiosRule.Check(MaxStudios, errors);
    }
}
