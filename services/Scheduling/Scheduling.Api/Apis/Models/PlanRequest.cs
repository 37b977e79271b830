namespace Studios.Scheduling.Apis.Models;

/// <summary>Attaches a published session plan; null detaches it.</summary>
public sealed record PlanRequest(Guid? PlanId);
