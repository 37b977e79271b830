using System.Text;
using CliWrap;
using Studios.AppHost.Hosting;

namespace Studios.AppHost.Tests;

/// <summary>The real AppHost as a child process (<c>dotnet Studios.AppHost.dll</c>), its output captured for assertions.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly CancellationTokenSource _forceful = new();
    private readonly CommandTask<CommandResult> _run;

    private AppHostProcess(IEnumerable<string> arguments)
    {
        var target = PipeTarget.ToDelegate(line => { lock (_output) _output.AppendLine(line); });
        _run = Cli.Wrap(DotnetHost.Path)
            .WithArguments([AssemblyPath, .. arguments])
            .WithWorkingDirectory(RepositoryRoot)
            .WithStandardOutputPipe(target)
            .WithStandardErrorPipe(target)
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_forceful.Token);
    }

    public int Pid => _run.ProcessId;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public Task<CommandResult> Exited => _run.Task;

    public static AppHostProcess Start(string dataDirectory, TestPorts ports, params string[] extra) =>
        new(["--data", dataDirectory, .. ports.Arguments, .. extra]);

    public static AppHostProcess StartWith(params string[] arguments) => new(arguments);

    /// <summary>Waits for the exit (SIGKILL after <paramref name="timeout"/>) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            return (await _run.Task.WaitAsync(timeout)).ExitCode;
        }
        catch (TimeoutException)
        {
            await _forceful.CancelAsync();
            throw new TimeoutException($"The AppHost did not exit within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.Task.IsCompleted)
        {
            ProcessTable.Terminate(Pid);
            try { await _run.Task.WaitAsync(TimeSpan.FromSeconds(90)); }
            catch (TimeoutException) { await _forceful.CancelAsync(); }
        }
        try { await _run.Task; }
        catch (OperationCanceledException) { }
        _forceful.Dispose();
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The AppHost's own build output (same configuration as these tests), which the test build produced.</summary>
    public static string AssemblyPath
    {
        get
        {
            // .../bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "Studios.AppHost.dll");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Studios.Microservices.sln"))) return dir.FullName;
        throw new InvalidOperationException("Studios.Microservices.sln not found above the test output.");
    }
}
