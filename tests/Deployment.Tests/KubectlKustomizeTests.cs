using k8s;
using k8s.Models;
using Studios.AppHost.Publishing;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>`kubectl kustomize` renders each published kustomization on its own (skipped, visibly, without kubectl).</summary>
[Collection(PublishedCollection.Name)]
public sealed class KubectlKustomizeTests(PublishedSystem published, ITestOutputHelper output)
{
    public static TheoryData<string> Services => SystemModel.ServiceNames();

    [KubectlTheory, MemberData(nameof(Services))]
    public void Each_service_renders_alone_into_its_namespace(string service)
    {
        var objects = Render(published.ServiceFolder(service));

        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Service", "ServiceAccount"],
            objects.Select(o => o.Kind).Order());
        Assert.All(objects, o => Assert.Equal(published.Settings.Namespace, o.Metadata.NamespaceProperty));
        Assert.All(objects, o => Assert.Equal(service, o.Metadata.Labels[StudiosLabels.Name]));
    }

    [KubectlFact]
    public void The_infrastructure_renders_with_a_hashed_collector_config_map_the_collector_mounts()
    {
        var objects = Render(published.InfrastructureFolder);

        var config = objects.OfType<V1ConfigMap>().Single();
        Assert.StartsWith(InfrastructureManifests.CollectorConfigMap + "-", config.Metadata.Name, StringComparison.Ordinal);
        Assert.True(config.Data.ContainsKey(InfrastructureManifests.CollectorConfigFile));
        var collector = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == InfrastructureManifests.CollectorName);
        Assert.Contains(collector.Spec.Template.Spec.Volumes, v => v.ConfigMap?.Name == config.Metadata.Name);
        Assert.Contains(objects, o => o.Kind == "RabbitmqCluster");
        Assert.Contains(objects, o => o.Kind == "Cluster");
    }

    [KubectlFact]
    public void Everything_renders_together_without_clashing_names()
    {
        var objects = Render(published.Root);
        var ids = objects.Select(o => $"{o.ApiVersion}/{o.Kind}/{o.Metadata.Name}").ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(published.Result.Services.Count, objects.OfType<V1Deployment>().Count() - 1);
    }

    private List<IKubernetesObject<V1ObjectMeta>> Render(string folder)
    {
        var (exitCode, yaml, error) = Kubectl.Kustomize(folder);
        output.WriteLine($"{Kubectl.Path} kustomize {folder}: exit {exitCode}");
        Assert.True(exitCode == 0, error);
        return [.. PublishedSystem.WithMetadata(ManifestReader.Read(yaml))];
    }
}
