namespace Studios.AppHost.Resources;

/// <summary>
/// smtp4dev, a development mail server that keeps every mail it receives and shows them in its web UI: SMTP and the web
/// UI (with its REST API) on 127.0.0.1. Its connection string is what a service sends through: <c>smtp://host:port</c>.
/// </summary>
public sealed class Smtp4devResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";

    /// <summary>Its settings and the database of received mails; kept across runs.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://{SmtpEndpoint.Property(EndpointProperty.HostAndPort)}");
}
