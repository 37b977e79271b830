using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;

namespace Studios.AppHost.Publishing;

/// <summary>
/// The Kubernetes objects of one service, from its project resource: the same connection strings, service references
/// and OpenTelemetry variables the AppHost hands it locally, with Kubernetes' names for the things it reaches.
/// </summary>
/// <param name="poolSize">Each pod's share of the database cluster's connections (<c>Database__MaxPoolSize</c>).</param>
public sealed class ServiceManifests(ServiceProject project, ServiceImage image, PublishSettings settings, int poolSize)
{
    public const int HttpPort = 8080;
    public const int ServicePort = 80;
    public const string AlivePath = "/alive";
    public const string HealthPath = "/health";
    public const long RunAsUser = 1654;
    public const string ConfigHashAnnotation = "checksum/config";
    public const string CollectorService = "otel-collector";
    public const int CollectorOtlpHttpPort = 4318;

    /// <summary>Endpoints are removed and load balancers catch up before the process hears SIGTERM.</summary>
    public const long PreStopSeconds = 5;

    /// <summary>How long the host drains requests and consumers after SIGTERM (DOTNET_SHUTDOWNTIMEOUTSECONDS).</summary>
    public const long ShutdownTimeoutSeconds = 30;

    /// <summary>More than the preStop pause and the drain together, so the kubelet never has to kill a draining pod.</summary>
    public const long TerminationGracePeriodSeconds = 45;

    public string Name => project.Name;
    public string Version => image.Tag;
    public string ConfigMapName => $"{Name}-config";
    public string SecretName => ConnectionSecretName(Name);

    public static string ConnectionSecretName(string service) => $"{service}-connections";

    private Dictionary<string, string> Labels => StudiosLabels.For(Name, Version, "api");

    public V1ServiceAccount ServiceAccount() => new V1ServiceAccount
    {
        Metadata = Meta(Name),
        // The services never call the Kubernetes API.
        AutomountServiceAccountToken = false,
    }.Initialize();

    /// <summary>Every non-secret setting; connection strings (passwords) come from the Secret instead.</summary>
    public V1ConfigMap ConfigMap()
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = settings.Environment,
            ["DOTNET_ENVIRONMENT"] = settings.Environment,
            ["ASPNETCORE_HTTP_PORTS"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DOTNET_SHUTDOWNTIMEOUTSECONDS"] = ShutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__Console__FormatterName"] = "json",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://{CollectorService}:{CollectorOtlpHttpPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["Identity__Authority"] = settings.IdentityAuthority,
            ["Identity__Audience"] = settings.IdentityAudience,
            ["Messaging__QueueType"] = settings.QueueType,
        };
        if (project.Database is not null) data["Database__MaxPoolSize"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var other in project.ServiceReferences)
            data[$"services__{other}__http__0"] = $"http://{other}";
        return new V1ConfigMap { Metadata = Meta(ConfigMapName), Data = new Dictionary<string, string>(data) }.Initialize();
    }

    public V1Deployment Deployment(V1ConfigMap config) => new V1Deployment
    {
        Metadata = Meta(Name),
        Spec = new V1DeploymentSpec
        {
            // No replicas: the HorizontalPodAutoscaler owns the count, and an apply must not reset it.
            Selector = new V1LabelSelector { MatchLabels = StudiosLabels.Selector(Name) },
            RevisionHistoryLimit = 10,
            MinReadySeconds = 5,
            // One new pod at a time, none of the old ones gone before it is ready: old and new versions run side by side.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "1", MaxUnavailable = "0" },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta
                {
                    Labels = Labels,
                    // A changed ConfigMap changes the template, so the pods roll and read it.
                    Annotations = new Dictionary<string, string> { [ConfigHashAnnotation] = Hash(config.Data) },
                },
                Spec = PodSpec(),
            },
        },
    }.Initialize();

    public V1Service Service() => new V1Service
    {
        Metadata = Meta(Name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = StudiosLabels.Selector(Name),
            Ports = [new V1ServicePort { Name = "http", Port = ServicePort, TargetPort = "http", Protocol = "TCP" }],
        },
    }.Initialize();

    public V2HorizontalPodAutoscaler Autoscaler() => new V2HorizontalPodAutoscaler
    {
        Metadata = Meta(Name),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = Name },
            MinReplicas = settings.MinReplicas,
            MaxReplicas = settings.MaxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = settings.TargetCpuUtilization },
                    },
                },
            ],
            // Scale in slowly: consumers hold prefetched messages and the outbox relay its claimed batch.
            Behavior = new V2HorizontalPodAutoscalerBehavior
            {
                ScaleDown = new V2HPAScalingRules
                {
                    StabilizationWindowSeconds = 300,
                    Policies = [new V2HPAScalingPolicy { Type = "Pods", Value = 1, PeriodSeconds = 60 }],
                },
            },
        },
    }.Initialize();

    public V1PodDisruptionBudget DisruptionBudget() => new V1PodDisruptionBudget
    {
        Metadata = Meta(Name),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = "1",
            Selector = new V1LabelSelector { MatchLabels = StudiosLabels.Selector(Name) },
        },
    }.Initialize();

    private V1PodSpec PodSpec() => new()
    {
        ServiceAccountName = Name,
        AutomountServiceAccountToken = false,
        TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = RunAsUser,
            RunAsGroup = RunAsUser,
            FsGroup = RunAsUser,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        TopologySpreadConstraints =
        [
            new V1TopologySpreadConstraint
            {
                MaxSkew = 1,
                TopologyKey = "kubernetes.io/hostname",
                WhenUnsatisfiable = "ScheduleAnyway",
                LabelSelector = new V1LabelSelector { MatchLabels = StudiosLabels.Selector(Name) },
            },
        ],
        Containers = [Container()],
        // The root filesystem is read-only; .NET and the OTLP exporter still want a scratch folder.
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("64Mi") } }],
    };

    private V1Container Container() => new()
    {
        Name = Name,
        Image = image.Reference(settings.Registry),
        ImagePullPolicy = "IfNotPresent",
        Ports = [new V1ContainerPort { Name = "http", ContainerPort = HttpPort, Protocol = "TCP" }],
        EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = ConfigMapName } }],
        Env = Environment(),
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>
            {
                ["cpu"] = new(settings.CpuRequest),
                ["memory"] = new(settings.MemoryRequest),
            },
            Limits = new Dictionary<string, ResourceQuantity>
            {
                ["cpu"] = new(settings.CpuLimit),
                ["memory"] = new(settings.MemoryLimit),
            },
        },
        // Start-up includes the migrations, which run before the server listens: up to five minutes.
        StartupProbe = Probe(AlivePath, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 60),
        LivenessProbe = Probe(AlivePath, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3),
        ReadinessProbe = Probe(HealthPath, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3),
        // The sleep action needs no shell, which the chiseled image does not have.
        Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = PreStopSeconds } } },
        SecurityContext = new V1SecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = RunAsUser,
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
        VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
    };

    private List<V1EnvVar> Environment()
    {
        List<V1EnvVar> environment =
        [
            new() { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            // Per pod, so not in the ConfigMap; $(POD_NAME) is expanded by the kubelet because it is declared above.
            new() { Name = "OTEL_RESOURCE_ATTRIBUTES", Value = $"service.instance.id=$(POD_NAME),service.version={Version},deployment.environment.name={settings.Environment.ToLowerInvariant()}" },
        ];
        foreach (var connection in project.ConnectionNames)
        {
            var key = $"ConnectionStrings__{connection}";
            environment.Add(new V1EnvVar
            {
                Name = key,
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = SecretName, Key = key, Optional = false } },
            });
        }
        return environment;
    }

    private static V1Probe Probe(string path, int periodSeconds, int timeoutSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = timeoutSeconds,
        FailureThreshold = failureThreshold,
    };

    private V1ObjectMeta Meta(string name) => new() { Name = name, Labels = Labels };

    private static string Hash(IDictionary<string, string> data)
    {
        var text = string.Join('\n', data.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
