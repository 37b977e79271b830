namespace Studios.Dashboard.Resources;

/// <summary>One line a resource wrote to stdout or stderr. Sequence grows per resource, so a page can drop a line it already has.</summary>
public sealed record ConsoleLine(string Resource, long Sequence, DateTimeOffset Timestamp, string Text, bool IsError = false);
