using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;

namespace Studios.AppHost.Hosting;

/// <summary>
/// Builds the services once, in one MSBuild run (a solution filter of just their projects), while the broker and the
/// database boot. The services then run from this output.
/// </summary>
public sealed class ServiceBuild(AppHostSettings settings, DataLayout data, IReadOnlyList<ProjectResource> projects, ILogger logger)
{
    private const string TargetFramework = "net10.0";
    private const string Solution = "Studios.Microservices.sln";

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the outputs exist; faults with the compiler's errors when the build fails.</summary>
    public Task Completion => _completion.Task;

    public string AssemblyOf(ProjectResource project)
    {
        var projectFile = Path.Combine(settings.RepositoryRoot, project.ProjectPath);
        return Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", settings.Configuration, TargetFramework,
            Path.GetFileNameWithoutExtension(projectFile) + ".dll");
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            if (settings.Build) await BuildAsync(ct);
            var missing = projects.Select(AssemblyOf).Where(path => !File.Exists(path)).ToList();
            if (missing.Count > 0)
                throw new AppHostException($"No build output at {string.Join(", ", missing)}" +
                                           (settings.Build ? "." : ": run without --no-build once."));
            _completion.TrySetResult();
        }
        catch (OperationCanceledException e)
        {
            _completion.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
        }
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        var filter = WriteSolutionFilter();
        using var log = new ConsoleLog(data.LogFile("build"));
        log.Note($"dotnet build {filter}");
        logger.LogInformation("Building the services ({Configuration})", settings.Configuration);
        var stopwatch = Stopwatch.StartNew();

        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = settings.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", filter, "-c", settings.Configuration, "-nologo", "-v", "minimal", "-clp:NoSummary" })
            info.ArgumentList.Add(argument);
        // Variables of an outer dotnet run / dotnet test would point this build at their MSBuild.
        foreach (var name in info.Environment.Keys.Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(name);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var errors = new List<string>();
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null) return;
            log.Write(line);
            if (line.Contains(": error ", StringComparison.Ordinal)) lock (errors) errors.Add(line.Trim());
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        // Not WaitForExitAsync: MSBuild's reusable nodes may keep our output pipes open long after the build ends.
        process.Exited += (_, _) => exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await exited.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string[] shown;
            lock (errors) shown = [.. errors.Distinct().Take(20)];
            throw new AppHostException($"Building the services failed (exit code {process.ExitCode}; full output in {log.FilePath}):\n  " +
                                       string.Join("\n  ", shown.Length > 0 ? shown : ["(no error lines; see the log)"]));
        }
        log.Note($"built in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        logger.LogInformation("Services built in {Seconds:0.0} s", stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>A solution filter listing just the services, so one MSBuild run builds them and what they reference.</summary>
    private string WriteSolutionFilter()
    {
        var file = Path.Combine(data.Build, "services.slnf");
        var content = JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = Path.Combine(settings.RepositoryRoot, Solution),
                projects = projects.Select(p => p.ProjectPath.Replace('/', '\\')).ToArray(),
            },
        }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(file, content);
        return file;
    }
}
