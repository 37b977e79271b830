using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Studios.Launchers;
using Studios.Testing;
using Studios.Testing.Mail;

namespace Studios.Foundation.Tests;

/// <summary>smtp4dev from the repository's tool manifest: loopback only, messages kept in its data folder across a stop,
/// nothing left running after a stop or a kill -9.</summary>
public sealed class Smtp4devLifecycleTests
{
    [Fact]
    public async Task Mail_is_kept_across_a_restart_and_nothing_runs_after_a_stop_or_a_kill()
    {
        await using var server = await TestServers.StartSmtp4devAsync(inMemory: false);
        using var mailbox = new Mailbox(server);
        var to = $"lifecycle-{Guid.NewGuid():N}@example.test";
        await SendAsync(server, to, "kept");
        Assert.Equal("kept", Assert.Single(await mailbox.WaitForAsync(to)).Subject);
        Assert.True(OnlyLoopback(server.SmtpPort) && OnlyLoopback(server.WebPort), "smtp4dev listens beyond 127.0.0.1");
        var pid = server.ProcessId;
        Assert.NotNull(pid);

        await server.StopAsync();
        Assert.Null(server.ProcessId);
        Assert.False(ProcessChecks.AnyAlive([pid.Value]));
        await server.StartAgainAsync();
        Assert.Equal("kept", Assert.Single(await mailbox.ToAsync(to)).Subject);

        var restarted = server.ProcessId!.Value;
        await server.KillAsync();
        Assert.False(ProcessChecks.AnyAlive([restarted]));
        Assert.True(FreePort.IsFree(server.SmtpPort));
    }

    [Fact]
    public async Task A_taken_port_is_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<LauncherException>(() => Smtp4devServer.StartAsync(
            new Smtp4devOptions(TestServers.NewDataDirectory("smtp4dev"), port, FreePort.Next()) { DeleteDataOnDispose = true }));

        Assert.Equal(port, error.Port);
    }

    private static async Task SendAsync(Smtp4devServer server, string to, string subject)
    {
        using var smtp = new SmtpClient("127.0.0.1", server.SmtpPort);
        await smtp.SendMailAsync(new MailMessage("launcher@example.test", to, subject, "body"));
    }

    /// <summary>Every listening socket on the port is bound to 127.0.0.1 (from /proc/net/tcp and tcp6).</summary>
    private static bool OnlyLoopback(int port)
    {
        var hexPort = port.ToString("X4");
        var listeners = File.ReadLines("/proc/net/tcp").Concat(File.Exists("/proc/net/tcp6") ? File.ReadLines("/proc/net/tcp6") : [])
            .Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == "0A" && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
            .Select(fields => fields[1][..fields[1].IndexOf(':')])
            .ToList();
        return listeners.Count > 0 && listeners.All(address => address == "0100007F");
    }
}
