namespace Studios.Scheduling.Apis.Models;

public sealed record FacilitatorRequest(Guid? FacilitatorId);
