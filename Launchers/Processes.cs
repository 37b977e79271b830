namespace Studios.Launchers;

/// <summary>
/// Finding and ending server processes through /proc. Servers outlive the object that started
/// them when a run crashes, so we must find them again from facts on disk or in their environment.
/// </summary>
internal static class Processes
{
    /// <summary>Alive and not a zombie: PID 1 in a container may never reap the processes we kill.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public static string? CommandName(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Live processes named <paramref name="commandName"/> whose environment holds <paramref name="variable"/>.</summary>
    public static IReadOnlyList<int> WithEnvironment(string commandName, string variable)
    {
        var found = new List<int>();
        foreach (var pid in AllPids())
        {
            if (CommandName(pid) != commandName || !IsAlive(pid)) continue;
            try
            {
                var environ = File.ReadAllText($"/proc/{pid}/environ");
                if (environ.Split('\0').Contains(variable)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var found = new List<int>();
        foreach (var pid in AllPids())
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == parent && IsAlive(pid)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Waits until none of the processes is alive; false if the deadline passed first.</summary>
    public static async Task<bool> WaitForExitAsync(IEnumerable<int> pids, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var list = pids.ToList();
        while (list.Any(IsAlive))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, ct).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>SIGTERM, then SIGKILL whatever is still alive after <paramref name="grace"/>.</summary>
    public static async Task TerminateAsync(IReadOnlyList<int> pids, TimeSpan grace, CancellationToken ct = default)
    {
        foreach (var pid in pids) Native.Signal(pid, Native.SigTerm);
        if (await WaitForExitAsync(pids, grace, ct).ConfigureAwait(false)) return;
        await KillAsync(pids).ConfigureAwait(false);
    }

    /// <summary>Appends a started process's stdout and stderr to <paramref name="path"/>; closes the file once both
    /// streams have ended (a null line), which can be after the process has exited.</summary>
    public static void AppendOutputTo(System.Diagnostics.Process process, string path)
    {
        var log = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new object();
        var openStreams = 2;
        void Write(string? line)
        {
            lock (gate)
            {
                if (line is not null) log.WriteLine(line);
                else if (--openStreams == 0) log.Dispose();
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static async Task KillAsync(IReadOnlyList<int> pids)
    {
        foreach (var pid in pids) Native.Signal(pid, Native.SigKill);
        await WaitForExitAsync(pids, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    private static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid)) yield return pid;
    }
}
