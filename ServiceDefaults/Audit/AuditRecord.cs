using System.Text.Json;

namespace Studios.ServiceDefaults.Audit;

/// <summary>One recorded action as operators read it.</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset OccurredAt, Guid ActorId, string Action, Guid? StudioId, Guid? PersonId, JsonElement? Detail, string? TraceId);
