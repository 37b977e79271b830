using Studios.AppHost.Resources;

namespace Studios.AppHost.Publishing;

/// <summary>
/// Writes the Kubernetes manifests of the system the AppHost runs: one self-contained kustomization per service (so
/// each is rolled out on its own), one for the shared infrastructure, and one at the top that applies everything.
/// </summary>
public sealed class KubernetesPublisher(ManifestModel model, PublishSettings settings, Func<ServiceProject, ServiceImage> imageOf)
{
    public const string ServicesFolder = "services";
    public const string InfrastructureFolder = "infrastructure";

    public static KubernetesPublisher ForRepository(ManifestModel model, PublishSettings settings, string repositoryRoot) =>
        new(model, settings, project => ServiceImage.Of(repositoryRoot, project.ProjectPath));

    public PublishResult Publish(string outputDirectory)
    {
        var folder = ManifestFolder.Prepare(outputDirectory);
        // Every pod of every service shares the cluster's connections, at the autoscaler's largest count too.
        var poolSize = PostgresClusterResource.PoolSizePerInstance(model.Projects.Count(p => p.Database is not null), settings.MaxReplicas);
        var services = model.Projects.Select(project => new ServiceManifests(project, imageOf(project), settings, poolSize)).ToList();

        foreach (var service in services) WriteService(folder, service);
        WriteInfrastructure(folder);
        folder.WriteManifest(Kustomization.FileName, new Kustomization
        {
            Resources = [InfrastructureFolder, .. services.Select(s => $"{ServicesFolder}/{s.Name}")],
        });
        folder.WriteText("README.md", PublishReadme.Write(model, settings, services));
        return new PublishResult(folder.Root, [.. services.Select(s => new PublishedService(s.Name, s.Version, $"{ServicesFolder}/{s.Name}"))], folder.Written);
    }

    private void WriteService(ManifestFolder folder, ServiceManifests service)
    {
        var config = service.ConfigMap();
        var manifests = new (string File, object Manifest)[]
        {
            ("serviceaccount.yaml", service.ServiceAccount()),
            ("configmap.yaml", config),
            ("deployment.yaml", service.Deployment(config)),
            ("service.yaml", service.Service()),
            ("hpa.yaml", service.Autoscaler()),
            ("pdb.yaml", service.DisruptionBudget()),
        };
        WriteKustomization(folder, $"{ServicesFolder}/{service.Name}", manifests);
    }

    private void WriteInfrastructure(ManifestFolder folder)
    {
        var infrastructure = new InfrastructureManifests(settings);
        var manifests = new List<(string File, object Manifest)> { ("namespace.yaml", infrastructure.Namespace()) };
        foreach (var broker in model.Brokers)
        {
            manifests.Add(($"{broker}-rabbitmqcluster.yaml", infrastructure.Broker(broker)));
            manifests.Add(($"{broker}-pdb.yaml", infrastructure.BrokerDisruptionBudget(broker)));
        }
        foreach (var server in model.DatabaseClusters)
        {
            manifests.Add(($"{server.Name}-cluster.yaml", infrastructure.DatabaseServer(server)));
            foreach (var database in server.Databases)
                manifests.Add(($"{InfrastructureManifests.DatabaseObjectName(server, database)}-database.yaml", infrastructure.Database(server, database)));
        }
        manifests.Add(("otel-collector-serviceaccount.yaml", infrastructure.CollectorServiceAccount()));
        manifests.Add(("otel-collector-deployment.yaml", infrastructure.Collector()));
        manifests.Add(("otel-collector-service.yaml", infrastructure.CollectorService()));

        const string configFile = "config/otel-collector.yaml";
        folder.WriteManifest($"{InfrastructureFolder}/{configFile}", CollectorConfiguration.Build(model, settings));
        WriteKustomization(folder, InfrastructureFolder, manifests, new ConfigMapGeneratorEntry
        {
            Name = InfrastructureManifests.CollectorConfigMap,
            Files = [$"{InfrastructureManifests.CollectorConfigFile}={configFile}"],
            Options = new GeneratorOptions
            {
                Labels = StudiosLabels.For(InfrastructureManifests.CollectorName, InfrastructureManifests.TagOf(settings.CollectorImage), "telemetry"),
            },
        });
    }

    private void WriteKustomization(ManifestFolder folder, string directory, IEnumerable<(string File, object Manifest)> manifests,
        ConfigMapGeneratorEntry? generator = null)
    {
        var kustomization = new Kustomization
        {
            Namespace = settings.Namespace,
            ConfigMapGenerator = generator is null ? null : [generator],
        };
        foreach (var (file, manifest) in manifests)
        {
            folder.WriteManifest($"{directory}/{file}", manifest);
            kustomization.Resources.Add(file);
        }
        folder.WriteManifest($"{directory}/{Kustomization.FileName}", kustomization);
    }
}

public sealed record PublishResult(string OutputDirectory, IReadOnlyList<PublishedService> Services, IReadOnlyList<string> Files);

/// <summary>One service's kustomization folder (relative to the output) and the version it deploys.</summary>
public sealed record PublishedService(string Name, string Version, string Folder);
