namespace Studios.Web.Services.Models;

/// <summary>A reflection (PracticeContent): shared with a studio, perhaps about one of its sessions.</summary>
public sealed record Reflection(Guid Id, Guid AuthorId, bool Mine, string Visibility, Guid? StudioId, Guid? SessionId, string Text,
    DateTimeOffset CreatedAt);
