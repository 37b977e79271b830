using Studios.Launchers;
using Studios.Testing;

namespace Studios.Notifications.Tests.Integration;

/// <summary>A service with a mail server of its own, which the tests stop and start again; retries come quickly and
/// never give up during the test.</summary>
public sealed class MailOutageFixture : NotificationsFixture
{
    protected override Task<Smtp4devServer> StartMailServerAsync() => TestServers.StartSmtp4devAsync(inMemory: false);

    public override IDictionary<string, string?> Settings(Smtp4devServer mailServer)
    {
        var settings = base.Settings(mailServer);
        settings["Notifications:FirstRetryDelay"] = "00:00:00.500";
        settings["Notifications:LongestRetryDelay"] = "00:00:01";
        settings["Notifications:MaxAttempts"] = "100000";
        settings["Notifications:SmtpTimeout"] = "00:00:03";
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MailServer.DisposeAsync();
    }
}
