namespace Studios.AppHost.Publishing.Crds;

/// <summary>postgresql.cnpg.io/v1 Database: one database of a CloudNativePG cluster and the role that owns it.</summary>
public sealed class PostgresDatabase() : CustomResource<PostgresDatabaseSpec>(PostgresCluster.ApiVersionName, KindName)
{
    public const string KindName = "Database";
}

public sealed class PostgresDatabaseSpec
{
    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public LocalObjectReference Cluster { get; set; } = new();
    public string Ensure { get; set; } = "present";

    /// <summary>retain: deleting the Database object never drops the data.</summary>
    public string DatabaseReclaimPolicy { get; set; } = "retain";
}
