using System.Runtime.InteropServices;

namespace Studios.Launchers;

/// <summary>The two libc calls .NET does not expose: who we are, and sending a chosen signal.</summary>
internal static class Native
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static bool IsRoot => GetEffectiveUserId() == 0;

    public static void Signal(int pid, int signal) => SendSignal(pid, signal);
}
