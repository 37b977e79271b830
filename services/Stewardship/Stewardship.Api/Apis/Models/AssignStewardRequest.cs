namespace Studios.Stewardship.Apis.Models;

public sealed record AssignStewardRequest(Guid? StewardId)
{
    public FieldErrors Validate() => new FieldErrors()
        .Check(StewardId is not null, "stewardId", "is required.")
        .Check(StewardId != Guid.Empty, "stewardId", "must be a person's id.");
}
