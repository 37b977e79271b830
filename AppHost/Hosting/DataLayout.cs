namespace Studios.AppHost.Hosting;

/// <summary>The data folder: servers' data, generated secrets, console logs and pid files, kept across runs.</summary>
public sealed class DataLayout
{
    // Written into every data folder we create, so --fresh never wipes a folder that is not ours.
    private const string Marker = ".studios-apphost";

    private DataLayout(string root) => Root = root;

    public string Root { get; }
    public string Logs => Path.Combine(Root, "logs");
    public string Pids => Path.Combine(Root, "pids");
    public string Secrets => Path.Combine(Root, "secrets");
    public string Build => Path.Combine(Root, "build");
    public string Postgres => Path.Combine(Root, "postgres");
    public string RabbitMq => Path.Combine(Root, "rabbitmq");

    /// <summary>The environment variable every child process carries, so a later run can find it if this one crashes.</summary>
    public string ChildMarker => $"STUDIOS_APPHOST_DATA={Root}";

    public static DataLayout Prepare(string root)
    {
        var layout = new DataLayout(root);
        try
        {
            Directory.CreateDirectory(root);
            var hasEntries = Directory.EnumerateFileSystemEntries(root).Any();
            var marker = Path.Combine(root, Marker);
            if (hasEntries && !File.Exists(marker) && !Directory.Exists(layout.Postgres))
                throw new AppHostException(
                    $"The data folder '{root}' already holds files that are not the AppHost's. Choose another with --data <folder>.");
            File.WriteAllText(marker, "Data of the Studios AppHost. Delete freely (or run with --fresh).\n");
            foreach (var folder in new[] { layout.Logs, layout.Pids, layout.Secrets, layout.Build }) Directory.CreateDirectory(folder);
            var probe = Path.Combine(root, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AppHostException(
                $"The data folder '{root}' cannot be written to ({e.Message}). Fix its permissions or choose another with --data <folder>.", e);
        }
        return layout;
    }

    /// <summary>--fresh: everything goes except the pid files (this run's lock is among them).</summary>
    public void Wipe()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(Root))
        {
            if (entry == Pids || Path.GetFileName(entry) == Marker) continue;
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
        foreach (var folder in new[] { Logs, Secrets, Build }) Directory.CreateDirectory(folder);
    }

    public string LogFile(string resource) => Path.Combine(Logs, resource + ".log");

    public string PidFile(string resource) => Path.Combine(Pids, resource + ".pid");
}
