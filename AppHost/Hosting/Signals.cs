using System.Runtime.InteropServices;

namespace Studios.AppHost.Hosting;

/// <summary>SIGTERM (which .NET cannot send) and SIGKILL to a pid.</summary>
internal static class Signals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static void Terminate(int pid) => SendSignal(pid, SigTerm);

    public static void Kill(int pid) => SendSignal(pid, SigKill);

    /// <summary>SIGTERM, then SIGKILL whatever is still alive after <paramref name="grace"/>.</summary>
    public static async Task TerminateAsync(IReadOnlyCollection<int> pids, TimeSpan grace)
    {
        foreach (var pid in pids) Terminate(pid);
        if (await ProcFs.WaitForExitAsync(pids, grace)) return;
        foreach (var pid in pids.Where(ProcFs.IsAlive)) Kill(pid);
        await ProcFs.WaitForExitAsync(pids, TimeSpan.FromSeconds(5));
    }
}
