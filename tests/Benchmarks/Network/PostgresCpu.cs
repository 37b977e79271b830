namespace Studios.Benchmarks.Network;

/// <summary>CPU time (user + system, seconds) of the local run's PostgreSQL: its postmaster (from the data folder's
/// postmaster.pid) and every backend it forked, read from /proc. 0 when the data folder is not known.</summary>
public static class PostgresCpu
{
    public static double Seconds(string? dataFolder)
    {
        var pidFile = dataFolder is null ? null : Path.Combine(dataFolder, "postgres", "postgres", "data", "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return 0;
        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                // Fields after the command's closing parenthesis: state, ppid, ... utime (14th field), stime (15th).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid != postmaster && int.Parse(fields[1]) != postmaster) continue;
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a backend that ended meanwhile
            }
        }
        return ticks / 100.0;
    }
}
