using k8s.Models;
using Studios.AppHost.Publishing;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>One kustomization per service that holds everything the service owns and nothing of anyone else's.</summary>
[Collection(PublishedCollection.Name)]
public sealed class KustomizationTests(PublishedSystem published)
{
    public static TheoryData<string> Services => SystemModel.ServiceNames();

    [Theory, MemberData(nameof(Services))]
    public void A_service_kustomization_lists_exactly_the_files_in_its_own_folder(string service)
    {
        var folder = published.ServiceFolder(service);
        var kustomization = ManifestReader.ReadKustomization(folder);
        var files = Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Where(f => f != Kustomization.FileName).Order().ToList();

        Assert.Equal(files, kustomization.Resources.Order().ToList());
        Assert.All(kustomization.Resources, resource =>
        {
            Assert.DoesNotContain("/", resource, StringComparison.Ordinal);
            Assert.DoesNotContain("..", resource, StringComparison.Ordinal);
        });
        Assert.Empty(Directory.EnumerateDirectories(folder));
        Assert.Null(kustomization.ConfigMapGenerator);
    }

    [Theory, MemberData(nameof(Services))]
    public void A_service_kustomization_holds_everything_its_deployment_refers_to(string service)
    {
        var objects = published.ServiceObjects(service);
        var deployment = objects.OfType<V1Deployment>().Single();
        var pod = deployment.Spec.Template.Spec;

        Assert.Equal(pod.ServiceAccountName, objects.OfType<V1ServiceAccount>().Single().Metadata.Name);
        Assert.Equal(Assert.Single(Assert.Single(pod.Containers).EnvFrom).ConfigMapRef.Name, objects.OfType<V1ConfigMap>().Single().Metadata.Name);
        Assert.Equal(deployment.Metadata.Name, objects.OfType<V1Service>().Single().Metadata.Name);
        Assert.Equal(deployment.Metadata.Name, objects.OfType<V2HorizontalPodAutoscaler>().Single().Spec.ScaleTargetRef.Name);
        Assert.Single(objects.OfType<V1PodDisruptionBudget>());
        Assert.Equal(6, objects.Count);
        // Nothing of another service or of the shared infrastructure rides along.
        Assert.All(PublishedSystem.WithMetadata(objects), o => Assert.Equal(service, o.Metadata.Labels[StudiosLabels.Name]));
    }

    [Fact]
    public void The_top_kustomization_applies_the_infrastructure_and_every_service()
    {
        var model = SystemModel.Describe();
        var top = ManifestReader.ReadKustomization(published.Root);
        Assert.Equal(
            [KubernetesPublisher.InfrastructureFolder, .. model.Projects.Select(p => $"{KubernetesPublisher.ServicesFolder}/{p.Name}")],
            top.Resources);
        foreach (var resource in top.Resources)
            Assert.True(File.Exists(Path.Combine(published.Root, resource, Kustomization.FileName)), $"{resource} has no kustomization");
    }

    [Fact]
    public void Releasing_one_service_changes_only_that_service_s_folder()
    {
        var model = SystemModel.Describe();
        var released = model.Projects.First();
        var before = Publish(model, _ => "1.4.0");
        var after = Publish(model, project => project == released ? "1.5.0" : "1.4.0");
        try
        {
            var changed = Differences(before, after);
            Assert.NotEmpty(changed);
            Assert.All(changed, file => Assert.True(
                file.StartsWith($"{KubernetesPublisher.ServicesFolder}/{released.Name}/", StringComparison.Ordinal) || file == "README.md",
                $"{file} changed although only {released.Name} was released"));
        }
        finally
        {
            Directory.Delete(before, recursive: true);
            Directory.Delete(after, recursive: true);
        }
    }

    private string Publish(ManifestModel model, Func<ServiceProject, string> version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "studios-release-" + Guid.NewGuid().ToString("N")[..8]);
        new KubernetesPublisher(model, published.Settings, project => new ServiceImage(ServiceImage.RepositoryOf(project.ProjectPath), version(project)))
            .Publish(folder);
        return folder;
    }

    private static List<string> Differences(string left, string right)
    {
        static Dictionary<string, string> Read(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
        var a = Read(left);
        var b = Read(right);
        return [.. a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out var x) || !b.TryGetValue(k, out var y) || x != y).Order()];
    }
}
