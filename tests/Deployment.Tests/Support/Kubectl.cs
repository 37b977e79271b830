using System.Diagnostics;

namespace Studios.Deployment.Tests.Support;

/// <summary>kubectl on PATH, if this machine has it (Debian's kubernetes-client package provides one).</summary>
public static class Kubectl
{
    public static readonly string? Path = Find();

    public const string Missing =
        "kubectl is not on PATH, so `kubectl kustomize` rendering is NOT checked here " +
        "(apt-get install kubernetes-client, or any kubectl); the structural kustomization tests still ran.";

    public static (int ExitCode, string Output, string Error) Kustomize(string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(Path!, ["kustomize", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1))) process.Kill(entireProcessTree: true);
        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "kubectl"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that shows as skipped, with the reason, where there is no kubectl: only these checks are left out.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kubectl.Path is null) Skip = Kubectl.Missing;
    }
}

public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (Kubectl.Path is null) Skip = Kubectl.Missing;
    }
}
