namespace Studios.Web.Services.Models;

/// <summary>A studio's session plan (PracticeContent): practice versions in time boxes.</summary>
public sealed record SessionPlan(Guid Id, Guid? StudioId, string Title, int SessionMinutes, int TotalMinutes, string Status);
