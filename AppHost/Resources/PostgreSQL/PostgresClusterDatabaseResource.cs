namespace Studios.AppHost.Resources;

/// <summary>
/// One service's database in a <see cref="PostgresClusterResource"/>, with a login role of the same name that owns it
/// and can reach nothing else; the role's password is a generated secret parameter.
/// </summary>
public sealed class PostgresClusterDatabaseResource(string name, string databaseName, ParameterResource password, PostgresClusterResource parent)
    : Resource(name), IResourceWithParent<PostgresClusterResource>, IResourceWithConnectionString
{
    public PostgresClusterResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    /// <summary>The login role: named like the database.</summary>
    public string RoleName => DatabaseName;

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={Parent.PrimaryEndpoint.Property(EndpointProperty.Port)};Username={RoleName};Password={PasswordParameter};Database={DatabaseName}");
}
