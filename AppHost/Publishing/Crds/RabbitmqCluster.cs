using k8s.Models;

namespace Studios.AppHost.Publishing.Crds;

/// <summary>rabbitmq.com/v1beta1 RabbitmqCluster, reconciled by the RabbitMQ Cluster Operator.</summary>
public sealed class RabbitmqCluster() : CustomResource<RabbitmqClusterSpec>(ApiVersionName, KindName)
{
    public const string ApiVersionName = "rabbitmq.com/v1beta1";
    public const string KindName = "RabbitmqCluster";
}

public sealed class RabbitmqClusterSpec
{
    public int Replicas { get; set; }
    public string? Image { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public RabbitmqPersistence? Persistence { get; set; }
    public V1Affinity? Affinity { get; set; }
}

public sealed class RabbitmqPersistence
{
    public string? StorageClassName { get; set; }
    public ResourceQuantity? Storage { get; set; }
}
