using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Studios.Testing.OpenApi;

/// <summary>Runs redocly's recommended ruleset (tests/redocly: the pinned @redocly/cli that ./studios test installs, and
/// its redocly.yaml) on a service's OpenAPI document.</summary>
public static class OpenApiLint
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static async Task<LintReport> RunAsync(string document)
    {
        var redocly = Path.Combine(Folder.Value, "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
            throw new InvalidOperationException(
                $"{redocly} is missing: run `npm ci --prefix tests/redocly` (./studios test does it), with Node.js 20.19+ or 22.12+.");

        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var start = new ProcessStartInfo(redocly)
            {
                ArgumentList = { "lint", file, "--config", Path.Combine(Folder.Value, "redocly.yaml"), "--format", "json", "--max-problems", "1000" },
                WorkingDirectory = Folder.Value,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            // Exit code 1 means problems were found; the JSON report says which. Anything else is the linter failing.
            var text = await output;
            if (process.ExitCode is not (0 or 1) || !text.TrimStart().StartsWith('{'))
                throw new InvalidOperationException($"redocly exited with {process.ExitCode}: {text}\n{await errors}");
            return LintReport.Parse(JsonNode.Parse(text)!);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "tests", "redocly");
            if (File.Exists(Path.Combine(folder, "redocly.yaml"))) return folder;
        }
        throw new InvalidOperationException($"No tests/redocly folder above {AppContext.BaseDirectory}.");
    }
}
