using System.Diagnostics;
using Studios.Launchers;

namespace Studios.Testing;

/// <summary>
/// Where test servers keep their data: /tmp/studios-tests/&lt;run&gt;/..., one run folder per test process.
/// </summary>
internal static class TestFolders
{
    private const string OwnerFile = "owner.pid";
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "studios-tests");
    private static readonly Lazy<string> RunFolder = new(CreateRunFolder);

    public static string Run => RunFolder.Value;

    public static string NewServerFolder(string kind) => Path.Combine(Run, $"{kind}-{ShortId.New()}");

    public static void DeleteRun()
    {
        if (RunFolder.IsValueCreated && Directory.Exists(RunFolder.Value)) Directory.Delete(RunFolder.Value, recursive: true);
    }

    private static string CreateRunFolder()
    {
        SweepAbandonedRuns();
        var folder = Path.Combine(Base, $"{Environment.ProcessId}-{ShortId.New()}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        StartWatchdog(folder);
        return folder;
    }

    /// <summary>
    /// The test host can be killed before its exit handler finishes (vstest does not wait long), and the
    /// servers would outlive it. A detached shell waits for this process to end, then kills whatever still
    /// runs on the run folder and deletes it.
    /// </summary>
    private static void StartWatchdog(string folder)
    {
        const string script = """
            ( while [ -d /proc/$0 ]; do sleep 1; done
              for f in "$1"/*/data/postmaster.pid; do [ -f "$f" ] && kill -9 "$(head -n 1 "$f")"; done
              for p in /proc/[0-9]*; do grep -qz "^RABBITMQ_MNESIA_BASE=$1/" "$p/environ" && kill -9 "${p#/proc/}"; done
              for p in /proc/[0-9]*; do grep -qz "^STUDIOS_SMTP4DEV_DATA=$1/" "$p/environ" && kill -9 "${p#/proc/}"; done
              sleep 1; rm -rf "$1" ) >/dev/null 2>&1 </dev/null &
            """;
        using var shell = Process.Start("sh", ["-c", script, Environment.ProcessId.ToString(), folder]);
        shell.WaitForExit();
    }

    /// <summary>Last resort for runs whose watchdog was killed too: stop their servers and delete their folders.</summary>
    private static void SweepAbandonedRuns()
    {
        if (!Directory.Exists(Base)) return;
        foreach (var run in Directory.EnumerateDirectories(Base))
        {
            var owner = Path.Combine(run, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && Directory.Exists($"/proc/{pid}"))
                continue;
            try
            {
                foreach (var server in Directory.EnumerateDirectories(run))
                {
                    PostgresServer.StopLeftOverAsync(server).GetAwaiter().GetResult();
                    RabbitMqServer.StopLeftOverAsync(server).GetAwaiter().GetResult();
                    Smtp4devServer.StopLeftOverAsync(server).GetAwaiter().GetResult();
                }
                Directory.Delete(run, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LauncherException)
            {
                // Another test process may be sweeping the same folder; whatever is left, the next run retries.
            }
        }
    }
}

internal static class ShortId
{
    public static string New() => Guid.NewGuid().ToString("N")[..8];
}
