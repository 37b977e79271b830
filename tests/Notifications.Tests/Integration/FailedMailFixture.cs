using Studios.Launchers;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>A service with a mail server of its own that gives a mail up after two failed attempts.</summary>
public sealed class FailedMailFixture : NotificationsFixture
{
    protected override Task<Smtp4devServer> StartMailServerAsync() => TestServers.StartSmtp4devAsync();

    public override IDictionary<string, string?> Settings(Smtp4devServer mailServer)
    {
        var settings = base.Settings(mailServer);
        settings["Notifications:MaxAttempts"] = "2";
        settings["Notifications:SmtpTimeout"] = "00:00:03";
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MailServer.DisposeAsync();
    }
}
