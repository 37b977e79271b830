namespace Studios.Web.Services.Models;

/// <summary>A published practice as the library's search shows it (PracticeContent).</summary>
public sealed record PracticeSummary(Guid Id, int Version, string Title, string Intent, int MinMinutes, int MaxMinutes);
