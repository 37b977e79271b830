namespace Studios.AppHost.Hosting;

/// <summary>One AppHost per data folder: a second one would fight the first over servers and ports.</summary>
public sealed class AppHostLock : IDisposable
{
    private readonly string _file;

    private AppHostLock(string file) => _file = file;

    public static AppHostLock Acquire(DataLayout data)
    {
        var file = data.PidFile("apphost");
        if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) && pid != Environment.ProcessId &&
            ProcFs.IsAlive(pid) && ProcFs.CommandLine(pid).Contains("Studios.AppHost", StringComparison.Ordinal))
            throw new AppHostException(
                $"Another AppHost (pid {pid}) is already running with the data folder '{data.Root}'. " +
                "Stop it first (Ctrl+C in its terminal, or kill " + pid + "), or use another folder with --data <folder>.");
        File.WriteAllText(file, Environment.ProcessId.ToString());
        return new AppHostLock(file);
    }

    public void Dispose()
    {
        if (File.Exists(_file) && File.ReadAllText(_file).Trim() == Environment.ProcessId.ToString()) File.Delete(_file);
    }
}
