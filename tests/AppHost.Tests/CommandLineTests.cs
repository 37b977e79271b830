using System.Net;
using System.Net.Sockets;
using Studios.AppHost.Tests.Support;
using Xunit.Abstractions;

namespace Studios.AppHost.Tests;

/// <summary>The AppHost as `./studios run` starts it: a separate process, stopped with Ctrl+C.</summary>
public sealed class CommandLineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ctrl_C_stops_every_process_of_the_run_and_the_next_run_finds_its_data()
    {
        using var data = new TestDataFolder();
        foreach (var run in new[] { "cold (new data folder)", "warm (same data folder)" })
        {
            await using var appHost = AppHostProcess.Start(data.Path);
            var upIn = await appHost.WaitUntilUpAsync(StudiosApp.StartTimeout);
            output.WriteLine($"{run}: up in {upIn.TotalSeconds:0.0} s");
            var tree = ProcessTree.OfAppHost(appHost.Pid);
            Assert.True(tree.Count > 10, $"expected the AppHost, DCP, the servers and the services, found {tree.Count} processes");

            appHost.Interrupt();
            Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"the AppHost did not exit after Ctrl+C:\n{appHost.Output}");
            var survivors = await ProcessTree.SurvivorsAfterAsync(tree, TimeSpan.FromSeconds(60));
            Assert.True(survivors.Count == 0, $"left running after Ctrl+C:\n{string.Join('\n', survivors)}");
        }
        // The second run reused the first one's cluster and broker data (no second initdb, the same passwords).
        Assert.True(File.Exists(Path.Combine(data.Path, "postgres", "postgres", "data", "PG_VERSION")));
        Assert.True(File.Exists(Path.Combine(data.Path, "identity", "signing-key.pem")));
    }

    [Fact]
    public async Task A_taken_port_is_one_message_naming_the_setting_that_moves_it()
    {
        using var data = new TestDataFolder();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var appHost = AppHostProcess.Start(data.Path, new Dictionary<string, int> { ["Postgres"] = port });
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2)), appHost.Output);

        Assert.Equal(1, appHost.ExitCode);
        Assert.Contains($"Port {port} (PostgreSQL) is already in use on 127.0.0.1", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("--Ports:Postgres=<port>", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
    }
}
