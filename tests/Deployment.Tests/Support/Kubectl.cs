using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Studios.Deployment.Tests.Support;

/// <summary>kubectl on PATH with a kustomize that understands today's kustomization files (v4 or later, kubectl 1.21+).</summary>
public static partial class Kubectl
{
    private static readonly (string? Path, string? Problem) Found = Find();

    public static string? Path => Found.Path;

    /// <summary>Why the rendering checks are skipped; null when kubectl is usable.</summary>
    public static string? Problem => Found.Problem;

    public static (int ExitCode, string Output, string Error) Kustomize(string folder) => Run(Path!, "kustomize", folder);

    private static (string? Path, string? Problem) Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
        if (path is null)
            return (null, "kubectl is not on PATH, so `kubectl kustomize` rendering is NOT checked here " +
                "(install kubectl 1.21 or later); the structural kustomization tests still ran.");

        var (_, version, _) = Run(path, "version", "--client");
        var kustomize = KustomizeVersion().Match(version);
        if (!kustomize.Success || int.Parse(kustomize.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 4)
            return (null, $"{path} has no kustomize v4 or later built in (Debian's kubernetes-client 1.20 ships v2), so " +
                "`kubectl kustomize` rendering is NOT checked here (install kubectl 1.21 or later); the structural kustomization tests still ran.");
        return (path, null);
    }

    private static (int ExitCode, string Output, string Error) Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output.Result, error.Result);
    }

    [GeneratedRegex(@"Kustomize Version: v(\d+)")]
    private static partial Regex KustomizeVersion();
}

/// <summary>A fact that shows as skipped, with the reason, where kubectl is missing or too old: only these checks are left out.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Problem is not null) Skip = Kubectl.Problem;
    }
}

public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (Kubectl.Problem is not null) Skip = Kubectl.Problem;
    }
}
