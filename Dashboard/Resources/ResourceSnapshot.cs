namespace Studios.Dashboard.Resources;

/// <summary>One resource as the AppHost sees it at one moment.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary>Project, Executable, Container, ...</summary>
    public required string Type { get; init; }

    /// <summary>Starting, Running, Unhealthy, Exited, Stopped, FailedToStart, ...</summary>
    public required string State { get; init; }

    /// <summary>Healthy, Unhealthy, or null when the resource has no health check (yet).</summary>
    public string? Health { get; init; }

    public int? Pid { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [];

    public int RestartCount { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Other facts the host wants shown (why it failed, what it waits for, its log file...), shown as they are.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The environment the process was given, unmasked: the dashboard masks secrets before showing it.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
