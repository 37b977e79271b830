using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Studios.AppHost.Publishing;

/// <summary>What differs between one cluster and another (section "Publish", e.g. --Publish:Registry=...);
/// everything else comes from the AppHost's model.</summary>
public sealed partial record PublishSettings
{
    public const string Section = "Publish";

    public string Namespace { get; init; } = "studios";

    /// <summary>Prefix of every service image (e.g. registry.example.org); empty: images as the SDK names them.</summary>
    public string Registry { get; init; } = "";

    public string Environment { get; init; } = "Production";

    /// <summary>The OIDC authority whose tokens the services accept (Identity__Authority).</summary>
    public string IdentityAuthority { get; init; } = DefaultIdentityAuthority;
    public string IdentityAudience { get; init; } = "studios";

    /// <summary>Messaging__QueueType of every service: quorum, replicated across the RabbitMQ cluster.</summary>
    public string QueueType { get; init; } = "quorum";

    /// <summary>Where the collector sends traces, metrics and logs: otlphttp, otlp (gRPC) or debug (its own log).</summary>
    public string TelemetryExporter { get; init; } = "otlphttp";
    public string TelemetryEndpoint { get; init; } = "http://telemetry-backend.monitoring.svc:4318";

    public int MinReplicas { get; init; } = 2;
    public int MaxReplicas { get; init; } = 6;
    public int TargetCpuUtilization { get; init; } = 70;
    public string CpuRequest { get; init; } = "100m";
    public string CpuLimit { get; init; } = "1";
    public string MemoryRequest { get; init; } = "192Mi";
    public string MemoryLimit { get; init; } = "512Mi";

    public int RabbitMqReplicas { get; init; } = 3;
    public string RabbitMqStorage { get; init; } = "10Gi";
    public string RabbitMqImage { get; init; } = "rabbitmq:3.13.7-management";
    public int PostgresInstances { get; init; } = 3;
    public string PostgresStorage { get; init; } = "20Gi";
    public string PostgresImage { get; init; } = "ghcr.io/cloudnative-pg/postgresql:15.13";
    public string CollectorImage { get; init; } = "otel/opentelemetry-collector-contrib:0.135.0";

    /// <summary>Storage class of the broker's and the database's volumes; empty: the cluster's default.</summary>
    public string StorageClass { get; init; } = "";

    public const string DefaultIdentityAuthority = "https://identity.example.org/realms/studios";

    public static readonly string[] Exporters = ["otlphttp", "otlp", "debug"];

    public static PublishSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new PublishSettings();
        var settings = new PublishSettings
        {
            Namespace = section["Namespace"] ?? defaults.Namespace,
            Registry = section["Registry"] ?? defaults.Registry,
            Environment = section["Environment"] ?? defaults.Environment,
            IdentityAuthority = section["IdentityAuthority"] ?? defaults.IdentityAuthority,
            IdentityAudience = section["IdentityAudience"] ?? defaults.IdentityAudience,
            QueueType = (section["QueueType"] ?? defaults.QueueType).ToLowerInvariant(),
            TelemetryExporter = (section["TelemetryExporter"] ?? defaults.TelemetryExporter).ToLowerInvariant(),
            TelemetryEndpoint = section["TelemetryEndpoint"] ?? defaults.TelemetryEndpoint,
            MinReplicas = Number(section, "MinReplicas", defaults.MinReplicas),
            MaxReplicas = Number(section, "MaxReplicas", defaults.MaxReplicas),
            TargetCpuUtilization = Number(section, "TargetCpuUtilization", defaults.TargetCpuUtilization),
            CpuRequest = section["CpuRequest"] ?? defaults.CpuRequest,
            CpuLimit = section["CpuLimit"] ?? defaults.CpuLimit,
            MemoryRequest = section["MemoryRequest"] ?? defaults.MemoryRequest,
            MemoryLimit = section["MemoryLimit"] ?? defaults.MemoryLimit,
            RabbitMqReplicas = Number(section, "RabbitMqReplicas", defaults.RabbitMqReplicas),
            RabbitMqStorage = section["RabbitMqStorage"] ?? defaults.RabbitMqStorage,
            RabbitMqImage = section["RabbitMqImage"] ?? defaults.RabbitMqImage,
            PostgresInstances = Number(section, "PostgresInstances", defaults.PostgresInstances),
            PostgresStorage = section["PostgresStorage"] ?? defaults.PostgresStorage,
            PostgresImage = section["PostgresImage"] ?? defaults.PostgresImage,
            CollectorImage = section["CollectorImage"] ?? defaults.CollectorImage,
            StorageClass = section["StorageClass"] ?? defaults.StorageClass,
        };
        settings.Validate();
        return settings;
    }

    private void Validate()
    {
        if (!DnsLabel().IsMatch(Namespace))
            throw new PublishException($"Publish:Namespace '{Namespace}' is not a Kubernetes namespace name (lower-case letters, digits, '-').");
        if (QueueType is not ("classic" or "quorum"))
            throw new PublishException($"Publish:QueueType is '{QueueType}'; use quorum (production) or classic.");
        if (!Exporters.Contains(TelemetryExporter))
            throw new PublishException($"Publish:TelemetryExporter is '{TelemetryExporter}'; use one of {string.Join(", ", Exporters)}.");
        if (MinReplicas < 1 || MaxReplicas < MinReplicas)
            throw new PublishException($"Publish:MinReplicas ({MinReplicas}) must be at least 1 and at most Publish:MaxReplicas ({MaxReplicas}).");
        if (TargetCpuUtilization is < 1 or > 100)
            throw new PublishException($"Publish:TargetCpuUtilization is {TargetCpuUtilization}; use a percentage (1-100).");
        if (RabbitMqReplicas < 1 || PostgresInstances < 1)
            throw new PublishException("Publish:RabbitMqReplicas and Publish:PostgresInstances must be at least 1.");
    }

    private static int Number(IConfiguration section, string key, int fallback)
    {
        var value = section[key];
        if (value is null) return fallback;
        return int.TryParse(value, out var number) ? number : throw new PublishException($"Publish:{key} is '{value}', which is not a whole number.");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
