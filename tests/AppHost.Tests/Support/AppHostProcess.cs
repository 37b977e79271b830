using System.Diagnostics;
using System.Text;
using Studios.AppHost.Local;

namespace Studios.AppHost.Tests.Support;

/// <summary>The AppHost as a user runs it (its own build output, `dotnet Studios.AppHost.dll`), on a given data folder
/// with free ports, its console captured; stopped with a signal as Ctrl+C or an orchestrator would.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public Task Exited => _process.WaitForExitAsync();

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the AppHost on <paramref name="dataDirectory"/>; every port free unless given in <paramref name="ports"/>.</summary>
    public static AppHostProcess Start(string dataDirectory, IReadOnlyDictionary<string, int>? ports = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Repository.Root, "AppHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "AppHost", "bin", Repository.Configuration, "net10.0", "Studios.AppHost.dll"));
        info.ArgumentList.Add($"--Data:Directory={dataDirectory}");
        foreach (var key in LocalPorts.Keys)
            info.ArgumentList.Add($"--Ports:{key}={(ports is not null && ports.TryGetValue(key, out var port) ? port : Studios.Launchers.FreePort.Next())}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        return new AppHostProcess(Process.Start(info)!);
    }

    /// <summary>Waits for the AppHost's own "Studios is up" line; fails early when it exits.</summary>
    public async Task<TimeSpan> WaitUntilUpAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var finished = await Task.WhenAny(_up.Task, Exited, Task.Delay(timeout));
        if (finished != _up.Task)
            throw new TimeoutException($"The AppHost was not up within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}). Output:\n{Output}");
        return watch.Elapsed;
    }

    /// <summary>Ctrl+C: SIGINT to the AppHost alone, as a terminal sends it.</summary>
    public void Interrupt() => Signal(2);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(15);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(60))) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Signal(int signal) => Process.Start("kill", [$"-{signal}", Pid.ToString()])!.WaitForExit();

    private void Receive(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains("Studios is up", StringComparison.Ordinal)) _up.TrySetResult();
    }
}
