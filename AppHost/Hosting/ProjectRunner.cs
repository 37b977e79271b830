using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// Runs a service from its build output (<c>dotnet &lt;dll&gt;</c>, so no launch profile interferes) in a session of its own,
/// so a Ctrl+C in the terminal reaches only the AppHost, which then stops the services first.
/// </summary>
public sealed class ProjectRunner(
    ProjectResource project,
    string assemblyPath,
    Func<Dictionary<string, string>> environment,
    DataLayout data,
    HttpClient http,
    ConsoleLog log,
    ILogger logger) : ResourceRunner(project, "Project", log, logger)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private Process? _process;
    private TaskCompletionSource<int>? _exited;

    public ProjectResource Project => project;

    public override IReadOnlyList<string> Urls => [ServiceEnvironment.Url(project)];

    /// <summary>The variables the current instance was started with (the dashboard shows them, secrets masked).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    protected override Task<int?> LaunchAsync(CancellationToken ct)
    {
        if (!File.Exists(assemblyPath)) throw new AppHostException($"'{assemblyPath}' does not exist: the build did not produce it.");
        var variables = environment();
        var info = new ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : DotnetHost.Path)
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (info.FileName != DotnetHost.Path) info.ArgumentList.Add(DotnetHost.Path);
        info.ArgumentList.Add(assemblyPath);
        foreach (var name in info.Environment.Keys.Where(name => !ServiceEnvironment.IsInherited(name)).ToList()) info.Environment.Remove(name);
        foreach (var (name, value) in variables) info.Environment[name] = value;

        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Log.Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Write(e.Data, isError: true); };
        process.Exited += (_, _) => exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        _process?.Dispose();
        _process = process;
        _exited = exited;
        Environment = variables;
        File.WriteAllText(data.PidFile(Name), process.Id.ToString());
        return Task.FromResult<int?>(process.Id);
    }

    protected override async Task<int?> WaitForExitAsync(CancellationToken ct)
    {
        var code = await _exited!.Task.WaitAsync(ct);
        File.Delete(data.PidFile(Name));
        return code;
    }

    /// <summary>Healthy when /health (readiness: database and broker) answers 200.</summary>
    protected override async Task<bool> ProbeHealthAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        using var response = await http.GetAsync($"{ServiceEnvironment.Url(project)}/health", timeout.Token);
        return response.IsSuccessStatusCode;
    }

    protected override async Task TerminateInstanceAsync()
    {
        if (_process is { } process && !process.HasExited)
        {
            Signals.Terminate(process.Id);
            using var grace = new CancellationTokenSource(StopGrace);
            try { await _exited!.Task.WaitAsync(grace.Token); }
            catch (OperationCanceledException)
            {
                Log.Note($"{Name} did not stop within {StopGrace.TotalSeconds:0} s: killing it");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        File.Delete(data.PidFile(Name));
    }
}
