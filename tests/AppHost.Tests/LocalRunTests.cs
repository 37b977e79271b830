using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Studios.AppHost.Local;
using Studios.AppHost.Publishing;
using Studios.AppHost.Tests.Support;

namespace Studios.AppHost.Tests;

/// <summary>The rules of a local run that need no running system.</summary>
public sealed class LocalRunTests
{
    [Fact]
    public void A_taken_port_names_its_purpose_and_the_setting_that_moves_it()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var ports = new LocalPorts(Configuration(LocalPorts.Keys.ToDictionary(key => $"Ports:{key}", string? (key) => key == "RabbitMq" ? port.ToString() : "0")));

        var problem = Assert.Throws<LocalSetupException>(ports.EnsureFree);

        Assert.Equal($"Port {port} (RabbitMQ AMQP) is already in use on 127.0.0.1. Stop whatever listens there, " +
                     "or move it with --Ports:RabbitMq=<port> (or the environment variable Ports__RabbitMq).", problem.Message);
    }

    [Fact]
    public void Port_zero_takes_a_free_port_once_and_lets_a_proxy_choose()
    {
        var ports = new LocalPorts(Configuration(new() { ["Ports:Postgres"] = "0", ["Ports:Membership"] = "0" }));

        var chosen = ports.Fixed("Postgres");
        Assert.InRange(chosen, 1024, 65535);
        Assert.Equal(chosen, ports.Fixed("Postgres"));
        Assert.Null(ports.Proxied("Membership"));
        Assert.Equal(5102, ports.Proxied("Scheduling"));
    }

    [Fact]
    public void Publish_runs_the_model_in_Aspire_publish_mode_with_the_settings_only()
    {
        Assert.Equal(["--AppHost:Operation=publish", "--Publish:Registry=r.example.org"],
            PublishCommand.BuilderArgs(["publish", "--output", "k8s", "--Publish:Registry=r.example.org", "--output=x"]));
        Assert.Equal(["--Ports:Postgres=6543"], PublishCommand.BuilderArgs(["--Ports:Postgres=6543"]));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
