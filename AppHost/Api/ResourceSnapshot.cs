using Studios.AppHost.Hosting;

namespace Studios.AppHost.Api;

/// <summary>A resource as GET /api/resources shows it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    string State,
    string Health,
    int? Pid,
    IReadOnlyList<string> Urls,
    int RestartCount,
    DateTimeOffset? StartedAt,
    int? ExitCode,
    string? Problem,
    IReadOnlyList<string> WaitsFor,
    string LogFile)
{
    public static ResourceSnapshot Of(ResourceRunner runner) => new(
        runner.Name, runner.Type, runner.State.ToString(), runner.Health.ToString(), runner.Pid, runner.Urls,
        runner.RestartCount, runner.StartedAt, runner.ExitCode, runner.Problem,
        runner.Resource.WaitsFor.Select(r => r.Name).ToList(), runner.Log.FilePath);
}
