using System.Diagnostics;
using System.Text.Json;

namespace Studios.Deployment.Tests.Support;

/// <summary>Evaluates a project with `dotnet msbuild -getProperty/-getItem`, optionally after running a target that needs no
/// build (e.g. the SDK's ComputeContainerConfig, which validates the container settings without pulling anything).</summary>
public static class MsBuild
{
    public static JsonElement Evaluate(string projectFile, IEnumerable<string> properties, IEnumerable<string> items, string? target = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in (string[])["msbuild", projectFile, "-nologo", .. target is null ? [] : new[] { $"-t:{target}" },
                     .. properties.Select(p => $"-getProperty:{p}"), .. items.Select(i => $"-getItem:{i}")])
            start.ArgumentList.Add(argument);
        // The test host runs under MSBuild's own variables; a nested evaluation must find the SDK afresh.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(variable);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet msbuild {projectFile} failed: {output.Result}{error.Result}");
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }
}
