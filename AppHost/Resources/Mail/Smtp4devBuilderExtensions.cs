using Studios.AppHost.Local;
using Studios.Launchers;

namespace Studios.AppHost.Resources;

public static class Smtp4devBuilderExtensions
{
    /// <summary>
    /// smtp4dev (the dotnet tool Rnwood.Smtp4dev pinned in the repository's tool manifest) as an executable resource: every
    /// mail the system sends lands in it and shows in its web UI, linked from the dashboard. SMTP on <c>Ports:Smtp</c>,
    /// the web UI on <c>Ports:MailUi</c>; IMAP and POP3 off; the mails kept in <c>.data/mail/</c>.
    /// </summary>
    public static IResourceBuilder<Smtp4devResource> AddSmtp4dev(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var run = LocalRun.Of(builder);
        var (smtpPort, webPort) = (run.Ports.Fixed("Smtp"), run.Ports.Fixed("MailUi"));
        var dataDirectory = run.Data.PathOf("mail", name);
        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var mail = new Smtp4devResource(name, "dotnet", dataDirectory);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(mail, async (_, ct) =>
        {
            Directory.CreateDirectory(dataDirectory);
            await Smtp4devServer.StopLeftOverAsync(dataDirectory, ct: ct);
        });

        return builder.AddResource(mail)
            .WithArgs(Smtp4devServer.Arguments(smtpPort, webPort, dataDirectory, Path.Combine(dataDirectory, "smtp4dev.db")))
            .WithEnvironment(Smtp4devServer.DataVariable, dataDirectory)
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            .WithWorkingDirectory(repository)
            .WithEndpoint(port: smtpPort, targetPort: smtpPort, name: Smtp4devResource.SmtpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: webPort, targetPort: webPort, name: Smtp4devResource.HttpEndpointName, isProxied: false)
            .WithLoopbackEndpoints()
            .WithUrlForEndpoint(Smtp4devResource.HttpEndpointName, url => url.DisplayText = "Mailbox")
            .WithHttpHealthCheck("/api/messages", endpointName: Smtp4devResource.HttpEndpointName)
            .WithIconName("Mail");
    }
}
