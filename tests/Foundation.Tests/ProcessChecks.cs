using Studios.Launchers;

namespace Studios.Foundation.Tests;

/// <summary>What is still running, seen through /proc.</summary>
internal static class ProcessChecks
{
    /// <summary>The postmaster and its backends (backends' command lines do not name the data folder).</summary>
    public static IReadOnlyList<int> PostgresTree(PostgresServer server) =>
        server.ProcessId is { } pid ? [pid, .. Processes.ChildrenOf(pid)] : [];

    /// <summary>Every process of a node (rabbitmq-server script, beam.smp, its helpers), except the shared epmd.</summary>
    public static IReadOnlyList<int> RabbitMqNode(string node) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Processes.IsAlive(pid) && Processes.CommandName(pid) != "epmd" && HasVariable(pid, $"RABBITMQ_NODENAME={node}"))
            .ToList();

    public static bool AnyAlive(IEnumerable<int> pids) => pids.Any(Processes.IsAlive);

    private static bool HasVariable(int pid, string variable)
    {
        try { return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains(variable); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
