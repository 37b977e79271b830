using System.Globalization;
using k8s.Models;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>
/// The services' container publishing settings, as MSBuild evaluates them for `dotnet publish /t:PublishContainer`.
/// CI cannot pull base images, so it checks the settings and that publish deploys exactly the image they produce.
/// </summary>
[Collection(PublishedCollection.Name)]
public sealed class ContainerImageTests(PublishedSystem published)
{
    public static TheoryData<string> Services => SystemModel.ServiceNames();

    [Theory, MemberData(nameof(Services))]
    public void The_sdk_builds_a_non_root_image_on_port_8080_tagged_with_the_service_version_which_publish_deploys(string service)
    {
        var project = SystemModel.Project(service);
        // ComputeContainerConfig is where the SDK parses and validates the settings (no build, no registry needed).
        var evaluation = MsBuild.Evaluate(project.ProjectPath,
            ["EnableSdkContainerSupport", "ContainerRepository", "ContainerImageTag", "ContainerUser", "ContainerBaseImage", "Version"],
            ["ContainerPort", "ContainerImageTags"], target: "ComputeContainerConfig");
        var properties = evaluation.GetProperty("Properties");
        string Property(string name) => properties.GetProperty(name).GetString()!;

        Assert.Equal("true", Property("EnableSdkContainerSupport"), ignoreCase: true);
        Assert.Equal(Property("Version"), Property("ContainerImageTag"));
        Assert.Matches("^studios/[a-z0-9]+(-[a-z0-9]+)*$", Property("ContainerRepository"));
        Assert.True(long.TryParse(Property("ContainerUser"), CultureInfo.InvariantCulture, out var user) && user > 0,
            $"ContainerUser '{Property("ContainerUser")}' is not a non-root numeric user");
        Assert.NotEmpty(Property("ContainerBaseImage"));
        var items = evaluation.GetProperty("Items");
        Assert.Contains(items.GetProperty("ContainerPort").EnumerateArray(), port => port.GetProperty("Identity").GetString() == "8080");
        Assert.Equal([Property("Version")], items.GetProperty("ContainerImageTags").EnumerateArray().Select(t => t.GetProperty("Identity").GetString()));

        var container = Assert.Single(published.Single<V1Deployment>(service).Spec.Template.Spec.Containers);
        Assert.Equal($"{PublishedSystem.Registry}/{Property("ContainerRepository")}:{Property("ContainerImageTag")}", container.Image);
        Assert.Equal(user, published.Single<V1Deployment>(service).Spec.Template.Spec.SecurityContext.RunAsUser);
        Assert.Equal(8080, Assert.Single(container.Ports).ContainerPort);
    }

    [Fact]
    public void Contracts_projects_are_not_container_images()
    {
        var contracts = Directory.EnumerateFiles(Repository.PathOf("services"), "*.Contracts.csproj", SearchOption.AllDirectories).First();
        // Two properties: with one, MSBuild prints the bare value instead of JSON.
        var properties = MsBuild.Evaluate(contracts, ["ContainerRepository", "EnableSdkContainerSupport"], []).GetProperty("Properties");
        Assert.Equal("", properties.GetProperty("ContainerRepository").GetString());
    }
}
