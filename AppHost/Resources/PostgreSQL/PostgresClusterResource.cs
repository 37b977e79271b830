namespace Studios.AppHost.Resources;

/// <summary>
/// A PostgreSQL cluster run from Debian's binaries (<c>postgres -D</c> in the foreground), listening on 127.0.0.1 only.
/// Its connection string has the format of Aspire's PostgreSQL container integration:
/// <c>Host=...;Port=...;Username=postgres;Password=...</c>.
/// </summary>
public sealed class PostgresClusterResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string SuperUser = "postgres";

    /// <summary>PostgreSQL's <c>max_connections</c>, here and in the published cluster.</summary>
    public const int MaxConnections = 300;

    /// <summary>Left over for the superuser, psql and the benchmarks' direct connections.</summary>
    public const int ReservedConnections = 20;

    private readonly List<PostgresClusterDatabaseResource> _databases = [];

    /// <summary>The server's folder; the cluster itself is its data/ subfolder. Kept across runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public string PgData => Path.Combine(DataDirectory, "data");

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public IReadOnlyList<PostgresClusterDatabaseResource> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={PasswordParameter}");

    /// <summary>Each service instance's share of the cluster's connections (its <c>Database:MaxPoolSize</c>): all but the
    /// reserve, split evenly over the instances of the services whose databases it holds, so their pools together never
    /// ask for more than PostgreSQL allows.</summary>
    public static int PoolSizePerInstance(int databases, int instancesPerService) =>
        Math.Max(1, (MaxConnections - ReservedConnections) / (Math.Max(1, databases) * instancesPerService));

    internal void Add(PostgresClusterDatabaseResource database) => _databases.Add(database);
}
