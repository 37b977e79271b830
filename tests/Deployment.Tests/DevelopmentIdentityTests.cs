using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>The development token issuer mints a token for anyone: it runs in a local AppHost run only, never in a publish.</summary>
[Collection(PublishedCollection.Name)]
public sealed class DevelopmentIdentityTests(PublishedSystem published)
{
    [Fact]
    public void The_development_identity_is_not_in_the_published_model_or_any_manifest()
    {
        Assert.DoesNotContain(SystemModel.Describe().Projects,
            project => project.Name == "identity" || project.ProjectPath.Contains("DevIdentity", StringComparison.Ordinal));
        Assert.False(Directory.Exists(published.ServiceFolder("identity")));
        foreach (var file in Directory.EnumerateFiles(published.Root, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("DevIdentity", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("dev-tokens", text, StringComparison.Ordinal);
        }
    }
}
