using System.Diagnostics;

namespace Studios.AppHost.Tests.Support;

/// <summary>Processes as /proc shows them: a run's whole tree (DCP detaches itself, so it is found by the AppHost pid it
/// monitors), to check that nothing of a run is left once it stopped.</summary>
public static class ProcessTree
{
    /// <summary>The AppHost process, its descendants, the DCP that monitors it and DCP's descendants.</summary>
    public static HashSet<int> OfAppHost(int appHostPid)
    {
        var roots = new List<int> { appHostPid };
        roots.AddRange(All().Where(pid => CommandLine(pid) is { } cmd && cmd.Contains("dcp", StringComparison.Ordinal)
                                          && cmd.Contains($"--monitor {appHostPid}", StringComparison.Ordinal)));
        var tree = new HashSet<int>();
        foreach (var root in roots) AddWithDescendants(root, tree);
        return tree;
    }

    public static IReadOnlyList<int> Alive(IEnumerable<int> pids) => [.. pids.Where(IsAlive)];

    /// <summary>Waits until none of <paramref name="pids"/> is alive; false with the survivors when the timeout passes.</summary>
    public static async Task<IReadOnlyList<string>> SurvivorsAfterAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var list = pids.ToList();
        while (watch.Elapsed < timeout)
        {
            if (Alive(list).Count == 0) return [];
            await Task.Delay(250);
        }
        return [.. Alive(list).Select(pid => $"{pid}: {CommandLine(pid)}")];
    }

    public static bool IsAlive(int pid)
    {
        // A zombie (exited, not yet reaped by its parent) is not running anything.
        var status = Read($"/proc/{pid}/stat");
        return status is not null && !status[(status.LastIndexOf(')') + 2)..].StartsWith('Z');
    }

    public static string? CommandLine(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim();

    private static void AddWithDescendants(int pid, HashSet<int> tree)
    {
        if (!tree.Add(pid)) return;
        foreach (var child in All().Where(candidate => ParentOf(candidate) == pid)) AddWithDescendants(child, tree);
    }

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsDigit)).Select(name => int.Parse(name!));

    private static int? ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null) return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[1], out var parent) ? parent : null;
    }

    private static string? Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
