namespace Studios.AppHost.Resources;

/// <summary>
/// RabbitMQ and PostgreSQL refuse to run as root: when the AppHost is root, their processes switch to the Debian
/// package's service user with setpriv, which execs the server in place (no supervising parent), so DCP's signals
/// reach the server itself.
/// </summary>
internal static class ServiceUser
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="executable"/> as <paramref name="user"/>.</summary>
    public static (string Command, string[] Args) Run(string user, string executable) => IsRoot
        ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", executable])
        : (executable, []);
}
