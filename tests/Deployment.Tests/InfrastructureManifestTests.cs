using System.Globalization;
using k8s.Models;
using Studios.AppHost.Publishing;
using Studios.AppHost.Publishing.Crds;
using Studios.AppHost.Resources;
using Studios.Deployment.Tests.Support;

namespace Studios.Deployment.Tests;

/// <summary>The shared infrastructure: broker and database clusters from the model's resources, and the collector.</summary>
[Collection(PublishedCollection.Name)]
public sealed class InfrastructureManifestTests(PublishedSystem published)
{
    [Fact]
    public void RabbitMQ_is_a_three_node_RabbitmqCluster_named_as_in_the_model()
    {
        var broker = SystemModel.Describe().Brokers.Single();
        var cluster = published.InfrastructureObjects().OfType<RabbitmqCluster>().Single();

        Assert.Equal(broker, cluster.Metadata.Name);
        Assert.Equal(3, cluster.Spec.Replicas);
        Assert.NotNull(cluster.Spec.Persistence?.Storage);
        Assert.NotNull(cluster.Spec.Resources?.Limits["memory"]);
        // A drain may take one node at a time: the quorum queues keep their majority.
        var budget = published.InfrastructureObjects().OfType<V1PodDisruptionBudget>().Single(b => b.Metadata.Name == broker);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Equal(broker, budget.Spec.Selector.MatchLabels[StudiosLabels.Name]);
    }

    [Fact]
    public void Every_pod_of_every_service_at_the_autoscalers_largest_count_fits_in_the_database_clusters_connections()
    {
        var maxConnections = int.Parse(published.InfrastructureObjects().OfType<PostgresCluster>().Single()
            .Spec.Postgresql!.Parameters!["max_connections"], CultureInfo.InvariantCulture);
        var asked = SystemModel.Describe().Projects.Where(project => project.Database is not null).Select(project => project.Name).Sum(service =>
            int.Parse(published.Single<V1ConfigMap>(service).Data["Database__MaxPoolSize"], CultureInfo.InvariantCulture)
            * published.Single<V2HorizontalPodAutoscaler>(service).Spec.MaxReplicas);

        Assert.InRange(asked, 1, maxConnections - PostgresClusterResource.ReservedConnections);
    }

    [Fact]
    public void PostgreSQL_is_a_CloudNativePG_cluster_with_one_database_and_owner_role_per_service()
    {
        var server = SystemModel.Describe().DatabaseClusters.Single();
        var objects = published.InfrastructureObjects();
        var cluster = objects.OfType<PostgresCluster>().Single();
        var databases = objects.OfType<PostgresDatabase>().ToList();

        Assert.Equal(server.Name, cluster.Metadata.Name);
        Assert.Equal(3, cluster.Spec.Instances);
        Assert.Equal(server.Databases.Count, databases.Count);
        foreach (var database in server.Databases)
        {
            var role = Assert.Single(cluster.Spec.Managed!.Roles, r => r.Name == database.Role);
            Assert.True(role.Login);
            Assert.Equal("present", role.Ensure);
            Assert.Equal(InfrastructureManifests.RoleSecretName(server, database), role.PasswordSecret?.Name);

            var declared = Assert.Single(databases, d => d.Spec.Name == database.Name);
            Assert.Equal(database.Role, declared.Spec.Owner);
            Assert.Equal(server.Name, declared.Spec.Cluster.Name);
            Assert.Equal("retain", declared.Spec.DatabaseReclaimPolicy);

            // Its own database only, as locally: allowed there first, refused everywhere else.
            var rules = cluster.Spec.Postgresql!.PgHba!;
            var allow = rules.IndexOf($"host {database.Name} {database.Role} all scram-sha-256");
            var reject = rules.IndexOf($"host all {database.Role} all reject");
            Assert.True(allow >= 0 && reject > allow, $"pg_hba does not confine {database.Role} to {database.Name}");
        }
    }

    [Fact]
    public void The_collector_runs_non_root_read_only_with_its_config_from_the_generated_config_map()
    {
        var collector = published.InfrastructureObjects().OfType<V1Deployment>().Single(d => d.Metadata.Name == InfrastructureManifests.CollectorName);
        var pod = collector.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.NotNull(container.Resources.Limits["memory"]);
        Assert.NotNull(container.ReadinessProbe.HttpGet);
        var volume = Assert.Single(pod.Volumes, v => v.ConfigMap is not null);
        Assert.Equal(InfrastructureManifests.CollectorConfigMap, volume.ConfigMap.Name);

        var generator = Assert.Single(ManifestReader.ReadKustomization(published.InfrastructureFolder).ConfigMapGenerator!);
        Assert.Equal(InfrastructureManifests.CollectorConfigMap, generator.Name);
        var configFile = Assert.Single(generator.Files).Split('=')[1];
        Assert.True(File.Exists(Path.Combine(published.InfrastructureFolder, configFile)));
    }

    [Fact]
    public void Every_infrastructure_object_is_labelled_with_the_system()
    {
        foreach (var item in PublishedSystem.WithMetadata(published.InfrastructureObjects()))
        {
            Assert.Equal("studios", item.Metadata.Labels[StudiosLabels.PartOf]);
            Assert.True(item.Metadata.Labels.ContainsKey(StudiosLabels.Name), $"{item.Kind} {item.Metadata.Name} has no name label");
        }
    }

    [Fact]
    public void The_namespace_is_created_by_the_infrastructure_and_used_by_every_kustomization()
    {
        var ns = published.InfrastructureObjects().OfType<V1Namespace>().Single();
        Assert.Equal(published.Settings.Namespace, ns.Metadata.Name);
        Assert.Equal(ns.Metadata.Name, ManifestReader.ReadKustomization(published.InfrastructureFolder).Namespace);
        foreach (var service in published.Result.Services)
            Assert.Equal(ns.Metadata.Name, ManifestReader.ReadKustomization(published.Folder(service.Folder)).Namespace);
    }
}
