namespace Studios.Scheduling.Data;

/// <summary>A published session plan (read model from PracticeContent); Practices is its JSON list.</summary>
public sealed record PlanRow(Guid Id, Guid StudioId, string Title, string Practices, int TotalMinutes);
