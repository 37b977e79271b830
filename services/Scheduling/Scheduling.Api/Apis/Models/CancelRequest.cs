namespace Studios.Scheduling.Apis.Models;

public sealed record CancelRequest(string? Reason);
