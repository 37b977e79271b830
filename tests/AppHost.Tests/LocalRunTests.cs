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

    [Theory]
    [InlineData(null, 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("4", 4)]
    public void Replicas_from_one_to_four_run_that_many_instances_of_each_service(string? setting, int expected)
    {
        var replicas = new LocalReplicas(Configuration(new() { ["Replicas"] = setting }));

        replicas.EnsureValid();
        Assert.Equal(expected, replicas.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void Replicas_out_of_range_is_one_message_naming_the_setting(string setting)
    {
        var replicas = new LocalReplicas(Configuration(new() { ["Replicas"] = setting }));

        var problem = Assert.Throws<LocalSetupException>(replicas.EnsureValid);

        Assert.Equal($"--Replicas={setting} is not valid: the number of instances of each service must be a whole number from 1 to 4 " +
                     "(e.g. ./studios run --Replicas=2).", problem.Message);
        Assert.Equal(1, replicas.Count);
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

    [Fact]
    public void Fresh_wipes_the_AppHost_s_data_folder_and_keeps_nothing_from_before()
    {
        using var data = new TestDataFolder();
        LocalData.For(Builder(data.Path)).Secret("postgres-password");
        var old = Path.Combine(data.Path, "postgres", "old-cluster");
        Directory.CreateDirectory(old);

        var fresh = LocalData.For(Builder(data.Path, "--Data:Fresh=true"));

        Assert.False(Directory.Exists(old));
        Assert.False(File.Exists(fresh.PathOf("secrets", "postgres-password")));
        Assert.True(Directory.Exists(fresh.Root));
    }

    [Fact]
    public void A_folder_that_is_not_the_AppHost_s_is_neither_used_nor_wiped()
    {
        using var data = new TestDataFolder();
        Directory.CreateDirectory(data.Path);
        File.WriteAllText(Path.Combine(data.Path, "thesis.md"), "mine");

        var used = Assert.Throws<LocalSetupException>(() => LocalData.For(Builder(data.Path)));
        var wiped = Assert.Throws<LocalSetupException>(() => LocalData.For(Builder(data.Path, "--Data:Fresh=true")));

        Assert.Contains("--Data:Directory=<folder>", used.Message, StringComparison.Ordinal);
        Assert.Contains("not an AppHost data folder", wiped.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(data.Path, "thesis.md")));
    }

    private static IDistributedApplicationBuilder Builder(string dataDirectory, params string[] args) =>
        DistributedApplication.CreateBuilder([$"--Data:Directory={dataDirectory}", .. args]);

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
