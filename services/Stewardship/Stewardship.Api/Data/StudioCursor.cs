namespace Studios.Stewardship.Data;

/// <summary>The sort key of the last studio on a page (compared as lower(name), id, like the ORDER BY).</summary>
public sealed record StudioCursor(string Name, Guid Id);
