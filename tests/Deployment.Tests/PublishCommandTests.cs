using Studios.AppHost.Publishing;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>The `publish` verb as an operator runs it (in-process: same code path as `dotnet run --project AppHost -- publish`).</summary>
public sealed class PublishCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "studios-publish-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Publish_writes_a_kustomization_per_service_the_infrastructure_and_the_top_one()
    {
        var (exitCode, output, error) = Run("publish", "--output", _folder, "--Publish:Registry=registry.example.org");

        Assert.True(exitCode == 0, error);
        Assert.Contains("services/membership", output, StringComparison.Ordinal);
        foreach (var folder in new[] { "", "infrastructure", "services/membership", "services/scheduling", "services/practice-content", "services/stewardship", "services/notifications" })
            Assert.True(File.Exists(Path.Combine(_folder, folder, Kustomization.FileName)), $"no kustomization in '{folder}'");
        Assert.True(File.Exists(Path.Combine(_folder, "README.md")));
    }

    [Fact]
    public void Publishing_again_replaces_what_publish_wrote_before()
    {
        Assert.Equal(0, Run("publish", $"--output={_folder}").ExitCode);
        var leftOver = Path.Combine(_folder, "services", "retired-service");
        Directory.CreateDirectory(leftOver);
        File.WriteAllText(Path.Combine(leftOver, "deployment.yaml"), "kind: Deployment");

        Assert.Equal(0, Run("publish", "-o", _folder).ExitCode);
        Assert.False(Directory.Exists(leftOver));
    }

    [Fact]
    public void A_relative_output_is_taken_from_the_repository_root_since_dotnet_run_starts_in_the_AppHost_folder()
    {
        var relative = Path.Combine("artifacts", Path.GetFileName(_folder));
        try
        {
            Assert.Equal(0, Run("publish", "--output", relative).ExitCode);
            Assert.True(File.Exists(Path.Combine(Repository.Root, relative, Kustomization.FileName)));
        }
        finally
        {
            Directory.Delete(Path.Combine(Repository.Root, relative), recursive: true);
        }
    }

    [Fact]
    public void A_folder_publish_did_not_write_is_left_alone()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "mine");

        var (exitCode, _, error) = Run("publish", "--output", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_folder, "notes.txt")));
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("publish", "--output")]
    [InlineData("publish", "--outptu", "x")]
    public void A_missing_or_misspelt_output_is_a_usage_error(params string[] args)
    {
        var (exitCode, _, error) = Run(args);
        Assert.Equal(1, exitCode);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("--Publish:QueueType=fast", "Publish:QueueType")]
    [InlineData("--Publish:TelemetryExporter=zipkin", "Publish:TelemetryExporter")]
    [InlineData("--Publish:MinReplicas=3", "Publish:MinReplicas")]
    [InlineData("--Publish:Namespace=Studios_Prod", "Publish:Namespace")]
    public void A_bad_setting_is_named_in_the_error(string setting, string named)
    {
        var (exitCode, _, error) = Run("publish", "--output", _folder, setting, "--Publish:MaxReplicas=2");
        Assert.Equal(1, exitCode);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "services")));
    }

    [Fact]
    public void Help_lists_the_settings()
    {
        var (exitCode, output, _) = Run("publish", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--Publish:Registry", output, StringComparison.Ordinal);
        Assert.Contains("--Publish:QueueType", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = SystemModel.PublishAsync(args, output, error).GetAwaiter().GetResult();
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
