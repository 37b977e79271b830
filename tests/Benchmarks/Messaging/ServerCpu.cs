namespace Studios.Benchmarks.Messaging;

/// <summary>CPU time of a server process and its children (PostgreSQL's backends) from /proc, so the benchmark can say
/// where an event's CPU goes: the .NET process, RabbitMQ or PostgreSQL.</summary>
internal static class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int? pid)
    {
        if (pid is not { } root || !File.Exists($"/proc/{root}/stat")) return TimeSpan.Zero;
        // The root's own time plus what its reaped children used (cutime, cstime), plus its live children.
        var ticks = Ticks(root, includeReaped: true) + Children(root).Sum(child => Ticks(child, includeReaped: false));
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static IEnumerable<int> Children(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file)
            ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
            : [];
    }

    private static long Ticks(int pid, bool includeReaped)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var own = long.Parse(fields[11]) + long.Parse(fields[12]);
            return includeReaped ? own + long.Parse(fields[13]) + long.Parse(fields[14]) : own;
        }
        catch (IOException)
        {
            return 0; // it exited meanwhile
        }
    }
}
