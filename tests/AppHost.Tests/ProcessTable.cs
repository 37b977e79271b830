using System.Runtime.InteropServices;

namespace Studios.AppHost.Tests;

/// <summary>What runs on this machine, through /proc, and signals the BCL cannot send.</summary>
public static class ProcessTable
{
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static void Terminate(int pid) => SendSignal(pid, 15);

    public static void Kill(int pid) => SendSignal(pid, 9);

    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] is not ("Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    public static string Environment(int pid) => Read($"/proc/{pid}/environ");

    /// <summary>
    /// Live processes that belong to a data folder: its services (marker variable), its broker (environment naming the folder)
    /// and its PostgreSQL (working directory inside it). epmd is shared by every broker on the machine, so it is not counted.
    /// </summary>
    public static IReadOnlyList<string> BelongingTo(string dataDirectory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != System.Environment.ProcessId && IsAlive(pid))
            .Where(pid => Read($"/proc/{pid}/comm").Trim() != "epmd")
            .Where(pid => Environment(pid).Contains(dataDirectory, StringComparison.Ordinal) ||
                          WorkingDirectory(pid).StartsWith(dataDirectory, StringComparison.Ordinal) ||
                          Read($"/proc/{pid}/cmdline").Contains(dataDirectory, StringComparison.Ordinal))
            .Select(pid => $"{pid} {Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim()}")
            .ToList();

    private static string WorkingDirectory(int pid)
    {
        try { return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(false)?.FullName ?? ""; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    private static string Read(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }
}
