namespace Studios.AppHost.Hosting;

/// <summary>What /proc says about processes: enough to find what an earlier, crashed run left behind.</summary>
internal static class ProcFs
{
    /// <summary>Alive and not a zombie (in a container nobody may reap what we killed).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] is not ("Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static bool HasEnvironment(int pid, string variable)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains(variable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>Live processes whose environment holds <paramref name="variable"/> (NAME=value).</summary>
    public static IReadOnlyList<int> WithEnvironment(string variable) =>
        AllPids().Where(pid => pid != Environment.ProcessId && HasEnvironment(pid, variable) && IsAlive(pid)).ToList();

    public static async Task<bool> WaitForExitAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var list = pids.ToList();
        while (list.Any(IsAlive))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
        return true;
    }

    private static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid)) yield return pid;
    }
}
