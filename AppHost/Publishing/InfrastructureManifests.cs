using k8s;
using k8s.Models;
using Studios.AppHost.Publishing.Crds;
using Studios.AppHost.Resources;

namespace Studios.AppHost.Publishing;

/// <summary>What the services share, from the model's broker and database server: a RabbitMQ cluster, a CloudNativePG
/// cluster with one database and owner role per service, and the OpenTelemetry Collector they all export to.</summary>
public sealed class InfrastructureManifests(PublishSettings settings)
{
    public const string CollectorName = ServiceManifests.CollectorService;
    public const string CollectorConfigMap = "otel-collector-config";
    public const string CollectorConfigFile = "config.yaml";
    public const int CollectorPrometheusPort = 8889;
    public const int CollectorHealthPort = 13133;
    public const long CollectorUser = 10001;

    public V1Namespace Namespace() => new V1Namespace
    {
        Metadata = new V1ObjectMeta
        {
            Name = settings.Namespace,
            Labels = new Dictionary<string, string>
            {
                [StudiosLabels.Name] = settings.Namespace,
                [StudiosLabels.PartOf] = StudiosLabels.System,
                [StudiosLabels.ManagedBy] = StudiosLabels.Publisher,
                // Our own pods meet "restricted"; the operators' broker and database pods are held to "baseline" at least.
                ["pod-security.kubernetes.io/enforce"] = "baseline",
                ["pod-security.kubernetes.io/warn"] = "restricted",
            },
        },
    }.Initialize();

    /// <summary>The operator's defaults already enable the management and Prometheus plugins and pause a minority partition.</summary>
    public RabbitmqCluster Broker(string broker) => new()
    {
        Metadata = Meta(broker, TagOf(settings.RabbitMqImage), "message-broker"),
        Spec = new RabbitmqClusterSpec
        {
            Replicas = settings.RabbitMqReplicas,
            Image = settings.RabbitMqImage,
            Resources = Resources("500m", "2", "2Gi", "2Gi"),
            Persistence = new RabbitmqPersistence
            {
                Storage = new ResourceQuantity(settings.RabbitMqStorage),
                StorageClassName = NullIfEmpty(settings.StorageClass),
            },
            Affinity = SpreadOverNodes(broker),
        },
    };

    /// <summary>Quorum queues stay available while a majority of nodes runs: let a drain take one node at a time.</summary>
    public V1PodDisruptionBudget BrokerDisruptionBudget(string broker) => new V1PodDisruptionBudget
    {
        Metadata = Meta(broker, TagOf(settings.RabbitMqImage), "message-broker"),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = "1",
            // The labels the operator puts on the broker's pods.
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [StudiosLabels.Name] = broker } },
        },
    }.Initialize();

    public PostgresCluster DatabaseServer(DatabaseCluster server) => new()
    {
        Metadata = Meta(server.Name, TagOf(settings.PostgresImage), "database"),
        Spec = new PostgresClusterSpec
        {
            Instances = settings.PostgresInstances,
            ImageName = settings.PostgresImage,
            PrimaryUpdateStrategy = "unsupervised",
            Storage = new PostgresStorage { Size = new ResourceQuantity(settings.PostgresStorage), StorageClass = NullIfEmpty(settings.StorageClass) },
            Resources = Resources("500m", "2", "1Gi", "2Gi"),
            Affinity = new PostgresAffinity { EnablePodAntiAffinity = true, TopologyKey = "kubernetes.io/hostname" },
            Postgresql = new PostgresConfiguration
            {
                Parameters = new Dictionary<string, string> { ["max_connections"] = PostgresClusterResource.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                // Each role reaches only its own database (as the AppHost sets it up locally): allow it there, refuse it elsewhere.
                PgHba = [.. server.Databases.SelectMany(database => new[]
                {
                    $"host {database.Name} {database.Role} all scram-sha-256",
                    $"host all {database.Role} all reject",
                })],
            },
            Managed = new PostgresManaged
            {
                Roles = [.. server.Databases.Select(database => new PostgresRole
                {
                    Name = database.Role,
                    Comment = $"owner of {database.Name}",
                    Login = true,
                    PasswordSecret = new LocalObjectReference { Name = RoleSecretName(server, database) },
                })],
            },
        },
    };

    public PostgresDatabase Database(DatabaseCluster server, ServiceDatabase database) => new()
    {
        Metadata = Meta(DatabaseObjectName(server, database), TagOf(settings.PostgresImage), "database"),
        Spec = new PostgresDatabaseSpec
        {
            Name = database.Name,
            Owner = database.Role,
            Cluster = new LocalObjectReference { Name = server.Name },
        },
    };

    public static string KubernetesName(string name) => name.Replace('_', '-').ToLowerInvariant();

    public static string DatabaseObjectName(DatabaseCluster server, ServiceDatabase database) =>
        $"{server.Name}-{KubernetesName(database.Name)}";

    /// <summary>The basic-auth Secret (username, password) the operator reads the role's password from.</summary>
    public static string RoleSecretName(DatabaseCluster server, ServiceDatabase database) =>
        $"{server.Name}-role-{KubernetesName(database.Role)}";

    public V1ServiceAccount CollectorServiceAccount() => new V1ServiceAccount
    {
        Metadata = Meta(CollectorName, CollectorVersion, "telemetry"),
        AutomountServiceAccountToken = false,
    }.Initialize();

    /// <summary>One replica: its Prometheus endpoint holds each service pod's series once (two would split them).</summary>
    public V1Deployment Collector() => new V1Deployment
    {
        Metadata = Meta(CollectorName, CollectorVersion, "telemetry"),
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = StudiosLabels.Selector(CollectorName) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta
                {
                    Labels = StudiosLabels.For(CollectorName, CollectorVersion, "telemetry"),
                    Annotations = new Dictionary<string, string>
                    {
                        ["prometheus.io/scrape"] = "true",
                        ["prometheus.io/port"] = CollectorPrometheusPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = CollectorName,
                    AutomountServiceAccountToken = false,
                    SecurityContext = new V1PodSecurityContext
                    {
                        RunAsNonRoot = true,
                        RunAsUser = CollectorUser,
                        RunAsGroup = CollectorUser,
                        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                    },
                    Containers =
                    [
                        new V1Container
                        {
                            Name = CollectorName,
                            Image = settings.CollectorImage,
                            Args = [$"--config=/conf/{CollectorConfigFile}"],
                            Ports =
                            [
                                new V1ContainerPort { Name = "otlp-grpc", ContainerPort = 4317, Protocol = "TCP" },
                                new V1ContainerPort { Name = "otlp-http", ContainerPort = 4318, Protocol = "TCP" },
                                new V1ContainerPort { Name = "prometheus", ContainerPort = CollectorPrometheusPort, Protocol = "TCP" },
                                new V1ContainerPort { Name = "health", ContainerPort = CollectorHealthPort, Protocol = "TCP" },
                            ],
                            Resources = Resources("100m", "1", "256Mi", "512Mi"),
                            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = "health" }, PeriodSeconds = 10 },
                            ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/", Port = "health" }, PeriodSeconds = 5 },
                            SecurityContext = new V1SecurityContext
                            {
                                AllowPrivilegeEscalation = false,
                                ReadOnlyRootFilesystem = true,
                                Capabilities = new V1Capabilities { Drop = ["ALL"] },
                            },
                            VolumeMounts = [new V1VolumeMount { Name = "config", MountPath = "/conf", ReadOnlyProperty = true }],
                        },
                    ],
                    // kustomize's configMapGenerator appends a content hash to this name, so a config change rolls the pod.
                    Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = CollectorConfigMap } }],
                },
            },
        },
    }.Initialize();

    public V1Service CollectorService() => new V1Service
    {
        Metadata = Meta(CollectorName, CollectorVersion, "telemetry"),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = StudiosLabels.Selector(CollectorName),
            Ports =
            [
                new V1ServicePort { Name = "otlp-grpc", Port = 4317, TargetPort = "otlp-grpc", Protocol = "TCP" },
                new V1ServicePort { Name = "otlp-http", Port = 4318, TargetPort = "otlp-http", Protocol = "TCP" },
                new V1ServicePort { Name = "prometheus", Port = CollectorPrometheusPort, TargetPort = "prometheus", Protocol = "TCP" },
            ],
        },
    }.Initialize();

    private string CollectorVersion => TagOf(settings.CollectorImage);

    private static V1ObjectMeta Meta(string name, string version, string component) =>
        new() { Name = name, Labels = StudiosLabels.For(name, version, component) };

    private static V1ResourceRequirements Resources(string cpuRequest, string cpuLimit, string memoryRequest, string memoryLimit) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuRequest), ["memory"] = new(memoryRequest) },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpuLimit), ["memory"] = new(memoryLimit) },
    };

    private static V1Affinity SpreadOverNodes(string name) => new()
    {
        PodAntiAffinity = new V1PodAntiAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution =
            [
                new V1WeightedPodAffinityTerm
                {
                    Weight = 100,
                    PodAffinityTerm = new V1PodAffinityTerm
                    {
                        TopologyKey = "kubernetes.io/hostname",
                        LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [StudiosLabels.Name] = name } },
                    },
                },
            ],
        },
    };

    /// <summary>An image's tag as the version label ("latest" when it has none).</summary>
    public static string TagOf(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 ? "latest" : image[(colon + 1)..];
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
