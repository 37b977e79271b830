using Microsoft.Extensions.Logging.Abstractions;
using Studios.AppHost.Resources;

namespace Studios.AppHost.Publishing;

/// <summary>
/// What the manifests are written from, read off the AppHost's Aspire application model: the services it runs (every
/// project not excluded from publishing), the connection strings and services each is given, the broker and the
/// database clusters with their databases.
/// </summary>
public sealed record ManifestModel(
    IReadOnlyList<ServiceProject> Projects,
    IReadOnlyList<string> Brokers,
    IReadOnlyList<DatabaseCluster> DatabaseClusters)
{
    public static async Task<ManifestModel> ReadAsync(DistributedApplicationModel model, string repositoryRoot, CancellationToken ct = default)
    {
        var projects = new List<ServiceProject>();
        foreach (var project in model.Resources.OfType<ProjectResource>().Where(project => !project.IsExcludedFromPublish()))
        {
            // The same environment the AppHost hands the service locally, as a publisher sees it (expressions, not values).
            var configuration = await ExecutionConfigurationBuilder.Create(project).WithEnvironmentVariablesConfig()
                .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, ct);
            var variables = configuration.EnvironmentVariables.Select(variable => variable.Key).ToList();
            var database = project.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Select(relationship => relationship.Resource).OfType<PostgresClusterDatabaseResource>().FirstOrDefault();
            projects.Add(new ServiceProject(
                project.Name,
                Path.GetRelativePath(repositoryRoot, project.GetProjectMetadata().ProjectPath),
                [.. variables.Where(key => key.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal)).Select(key => key[ConnectionStringPrefix.Length..])],
                [.. variables.Where(key => key.StartsWith("services__", StringComparison.Ordinal)).Select(key => key.Split("__")[1]).Distinct()],
                database is null ? null : new ServiceDatabase(database.DatabaseName, database.RoleName)));
        }
        return new ManifestModel(
            projects,
            [.. model.Resources.OfType<RabbitMQNodeResource>().Select(broker => broker.Name)],
            [.. model.Resources.OfType<PostgresClusterResource>().Select(cluster => new DatabaseCluster(cluster.Name,
                [.. cluster.Databases.Select(database => new ServiceDatabase(database.DatabaseName, database.RoleName))]))]);
    }

    private const string ConnectionStringPrefix = "ConnectionStrings__";
}

/// <summary>A service: its project (relative to the repository root), the connection strings and services it is given,
/// and its own database.</summary>
public sealed record ServiceProject(
    string Name, string ProjectPath, IReadOnlyList<string> ConnectionNames, IReadOnlyList<string> ServiceReferences, ServiceDatabase? Database);

public sealed record DatabaseCluster(string Name, IReadOnlyList<ServiceDatabase> Databases);

/// <summary>A service's database and the login role that owns it.</summary>
public sealed record ServiceDatabase(string Name, string Role);
