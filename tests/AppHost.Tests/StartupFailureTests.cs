using System.Net;
using System.Net.Sockets;

namespace Studios.AppHost.Tests;

/// <summary>Problems the user can fix end in one clear message and a non-zero exit, before anything starts; never a stack trace.</summary>
public sealed class StartupFailureTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_taken_port_is_named_with_the_setting_that_moves_it()
    {
        using var data = new TestDataFolder();
        var ports = new TestPorts();
        using var squatter = new TcpListener(IPAddress.Loopback, ports["Membership"]);
        squatter.Start();

        await using var appHost = AppHostProcess.Start(data.Path, ports);
        var exitCode = await appHost.WaitForExitAsync(Quick);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Port {ports["Membership"]}", appHost.Output);
        Assert.Contains("--Ports:Membership=", appHost.Output);
        AssertNoStackTrace(appHost.Output);
    }

    [Fact]
    public async Task A_taken_broker_port_is_named_too()
    {
        using var data = new TestDataFolder();
        var ports = new TestPorts();
        using var squatter = new TcpListener(IPAddress.Loopback, ports["RabbitMq"]);
        squatter.Start();

        await using var appHost = AppHostProcess.Start(data.Path, ports);

        Assert.NotEqual(0, await appHost.WaitForExitAsync(Quick));
        Assert.Contains($"Port {ports["RabbitMq"]}", appHost.Output);
        Assert.Contains("--Ports:RabbitMq=", appHost.Output);
    }

    [Fact]
    public async Task A_taken_otlp_port_is_named_too()
    {
        // The dashboard's OTLP receiver listens there: a collector already on 4318 must not be silently shadowed.
        using var data = new TestDataFolder();
        var ports = new TestPorts();
        using var squatter = new TcpListener(IPAddress.Loopback, ports["OtlpHttp"]);
        squatter.Start();

        await using var appHost = AppHostProcess.Start(data.Path, ports);

        Assert.NotEqual(0, await appHost.WaitForExitAsync(Quick));
        Assert.Contains($"Port {ports["OtlpHttp"]}", appHost.Output);
        Assert.Contains("--Ports:OtlpHttp=", appHost.Output);
    }

    [Fact]
    public async Task A_missing_prerequisite_says_what_to_install()
    {
        using var data = new TestDataFolder();
        await using var appHost = AppHostProcess.Start(data.Path, new TestPorts(), "--Postgres:BinDirectory=/nonexistent/postgresql/bin");

        Assert.NotEqual(0, await appHost.WaitForExitAsync(Quick));
        Assert.Contains("apt-get install postgresql", appHost.Output);
        AssertNoStackTrace(appHost.Output);
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_named()
    {
        // A folder cannot be made under a regular file, whoever we are (root may write anywhere else).
        var file = Path.GetTempFileName();
        try
        {
            var folder = Path.Combine(file, "data");
            await using var appHost = AppHostProcess.Start(folder, new TestPorts());

            Assert.NotEqual(0, await appHost.WaitForExitAsync(Quick));
            Assert.Contains($"'{folder}' cannot be written to", appHost.Output);
            Assert.Contains("--data", appHost.Output);
            AssertNoStackTrace(appHost.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_hint()
    {
        await using var appHost = AppHostProcess.StartWith("--frsh");

        Assert.NotEqual(0, await appHost.WaitForExitAsync(Quick));
        Assert.Contains("Unknown option '--frsh'", appHost.Output);
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain("   at ", output);
}
