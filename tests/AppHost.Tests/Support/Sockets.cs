using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Studios.AppHost.Tests.Support;

/// <summary>Listening TCP sockets and the processes holding them, as `ss -ltnp` reports them.</summary>
public static partial class Sockets
{
    public sealed record Socket(string Address, int Port, HashSet<int> Pids, string Process);

    public static IReadOnlyList<Socket> Listening()
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", ["-ltnpH"]) { RedirectStandardOutput = true })!;
        var text = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<Socket>()];
    }

    private static Socket? Parse(string line)
    {
        var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 6) return null;
        var local = columns[3];
        var colon = local.LastIndexOf(':');
        var pids = PidPattern().Matches(line).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        return new Socket(local[..colon], int.Parse(local[(colon + 1)..]), pids, columns[5]);
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex PidPattern();
}
