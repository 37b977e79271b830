namespace Studios.ServiceDefaults.Audit;

/// <summary>One privileged action as the trail records it: who, what, on which studio and/or person, and a small detail
/// (ids, states, counts; never names, addresses or free text, so it may outlive the person).</summary>
public sealed record AuditEntry(Guid ActorId, string Action, Guid? StudioId = null, Guid? PersonId = null, object? Detail = null);
