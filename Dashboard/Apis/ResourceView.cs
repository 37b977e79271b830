namespace Studios.Dashboard.Apis;

/// <summary>A resource as /api/resources shows it: the AppHost's snapshot with uptime and its environment masked.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? Health,
    int? Pid,
    IReadOnlyList<string> Urls,
    int RestartCount,
    DateTimeOffset? StartedAt,
    double? UptimeSeconds,
    int? ExitCode,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Environment)
{
    public static ResourceView Of(ResourceSnapshot snapshot, DateTimeOffset now) => new(
        snapshot.Name,
        snapshot.Type,
        snapshot.State,
        snapshot.Health,
        snapshot.Pid,
        snapshot.Urls,
        snapshot.RestartCount,
        snapshot.StartedAt,
        snapshot.StartedAt is { } started && snapshot.Pid is not null ? Math.Max(0, (now - started).TotalSeconds) : null,
        snapshot.ExitCode,
        snapshot.Properties,
        SecretMasker.MaskAll(snapshot.Environment));
}
