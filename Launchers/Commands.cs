using CliWrap;
using CliWrap.Buffered;

namespace Studios.Launchers;

/// <summary>
/// Short commands (initdb, pg_ctl, chown, epmd). PostgreSQL and RabbitMQ refuse to run as root,
/// so when we are root they run as their Debian service user through runuser.
/// </summary>
internal static class Commands
{
    public static Task<BufferedCommandResult> RunAsync(string program, IEnumerable<string> args, CancellationToken ct = default) =>
        Cli.Wrap(program).WithArguments(args).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(ct);

    public static Task<BufferedCommandResult> RunAsAsync(string serviceUser, string program, IEnumerable<string> args,
        CancellationToken ct = default) =>
        Native.IsRoot
            ? RunAsync("runuser", ["-u", serviceUser, "--", program, .. args], ct)
            : RunAsync(program, args, ct);

    /// <summary>Runs and throws a LauncherException carrying the command's own output when it fails.</summary>
    public static async Task<BufferedCommandResult> RunCheckedAsync(string what, string serviceUser, string program,
        IEnumerable<string> args, CancellationToken ct = default)
    {
        var result = await RunAsAsync(serviceUser, program, args, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
            throw new LauncherException(
                $"{what} failed (exit code {result.ExitCode}): {(result.StandardError + result.StandardOutput).Trim()}");
        return result;
    }
}
