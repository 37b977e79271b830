using k8s.Models;
using YamlDotNet.Serialization;

namespace Studios.AppHost.Publishing.Crds;

/// <summary>postgresql.cnpg.io/v1 Cluster, reconciled by the CloudNativePG operator.</summary>
public sealed class PostgresCluster() : CustomResource<PostgresClusterSpec>(ApiVersionName, KindName)
{
    public const string ApiVersionName = "postgresql.cnpg.io/v1";
    public const string KindName = "Cluster";
}

public sealed class PostgresClusterSpec
{
    public int Instances { get; set; }
    public string? ImageName { get; set; }
    public string? PrimaryUpdateStrategy { get; set; }
    public PostgresStorage Storage { get; set; } = new();
    public PostgresConfiguration? Postgresql { get; set; }
    public PostgresManaged? Managed { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public PostgresAffinity? Affinity { get; set; }
}

public sealed class PostgresStorage
{
    public ResourceQuantity? Size { get; set; }
    public string? StorageClass { get; set; }
}

public sealed class PostgresConfiguration
{
    public Dictionary<string, string>? Parameters { get; set; }

    /// <summary>Lines placed before the operator's own pg_hba.conf rules (the first match wins).</summary>
    [YamlMember(Alias = "pg_hba", ApplyNamingConventions = false)]
    public List<string>? PgHba { get; set; }
}

public sealed class PostgresManaged
{
    public List<PostgresRole> Roles { get; set; } = [];
}

/// <summary>A role the operator creates and keeps as declared; its password comes from a basic-auth Secret.</summary>
public sealed class PostgresRole
{
    public string Name { get; set; } = "";
    public string Ensure { get; set; } = "present";
    public string? Comment { get; set; }
    public bool Login { get; set; }
    public LocalObjectReference? PasswordSecret { get; set; }
}

public sealed class PostgresAffinity
{
    public bool EnablePodAntiAffinity { get; set; }
    public string? TopologyKey { get; set; }
}

public sealed class LocalObjectReference
{
    public string Name { get; set; } = "";
}
