namespace Studios.Launchers;

/// <summary>A server's data folder: created if missing, proven writable, owned by the service user.</summary>
public static class DataFolder
{
    public static string Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LauncherException($"The data folder '{full}' cannot be written to: {e.Message}", e);
        }
        return full;
    }

    /// <summary>When we are root the servers run as their service user, which must own their files.</summary>
    public static async Task GiveToAsync(string serviceUser, string path, CancellationToken ct)
    {
        if (!Native.IsRoot) return;
        var result = await Commands.RunAsync("chown", ["-R", $"{serviceUser}:{serviceUser}", path], ct).ConfigureAwait(false);
        if (!result.IsSuccess)
            throw new LauncherException($"Could not give '{path}' to the {serviceUser} user: {result.StandardError.Trim()}");
        // The service user must also be able to reach the folder through its parents.
        var probe = await Commands.RunAsAsync(serviceUser, "test", ["-w", path], ct).ConfigureAwait(false);
        if (!probe.IsSuccess)
            throw new LauncherException(
                $"The {serviceUser} user cannot write to '{path}': a parent folder is probably not accessible to it. " +
                "Choose a data folder under a world-readable path (e.g. /tmp or the repository).");
    }

    /// <summary>A secret generated once and kept next to the data, so it survives restarts with the same data.</summary>
    public static string PersistedSecret(string file)
    {
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }

    public static string Tail(string file, int lines = 30)
    {
        try
        {
            return File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(lines)) : "(no log written)";
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    public static void RequireBinary(string path, string debianPackage)
    {
        if (!File.Exists(path)) throw LauncherException.MissingBinary(path, debianPackage);
    }
}
