using Microsoft.Extensions.Configuration;
using Studios.AppHost.Hosting;
using Studios.AppHost.Model;

namespace Studios.AppHost.Tests;

/// <summary>The resource model and its settings, without running anything.</summary>
public sealed class ModelTests
{
    [Fact]
    public void The_model_has_the_broker_the_database_with_one_database_per_service_and_four_services()
    {
        var model = Describe();

        Assert.Equal(["messaging", "postgres", "membership", "scheduling", "practice-content", "stewardship"], model.Resources.Select(r => r.Name));
        var postgres = model.Resources.OfType<PostgresResource>().Single();
        Assert.Equal(["membership", "scheduling", "practice_content", "stewardship"], postgres.Databases.Select(d => d.Name));
        Assert.All(model.Projects, p => Assert.Equal(["postgres", "messaging"], p.WaitsFor.Select(r => r.Name)));
        Assert.All(model.Projects, p => Assert.True(File.Exists(Path.Combine(AppHostProcess.RepositoryRoot, p.ProjectPath)), p.ProjectPath));
    }

    [Fact]
    public void Default_ports_are_the_documented_ones()
    {
        var ports = Describe().AllPorts.ToDictionary(p => p.Key, p => p.Port);

        Assert.Equal(5101, ports["Membership"]);
        Assert.Equal(5102, ports["Scheduling"]);
        Assert.Equal(5103, ports["PracticeContent"]);
        Assert.Equal(5104, ports["Stewardship"]);
        Assert.Equal(18888, ports["AppHost"]);
        Assert.Equal(4317, ports["OtlpGrpc"]);
        Assert.Equal(4318, ports["OtlpHttp"]);
        Assert.Equal(5673, ports["RabbitMq"]);
        Assert.Equal(15673, ports["RabbitMqManagement"]);
        Assert.Equal(25673, ports["RabbitMqDistribution"]);
        Assert.Equal(5433, ports["Postgres"]);
    }

    [Fact]
    public void A_port_moves_by_setting_and_a_clash_or_a_non_port_is_refused()
    {
        Assert.Equal(6101, Describe(("Ports:Membership", "6101")).Projects.First().Http.Port);
        Assert.Contains("Ports:Membership and Ports:Scheduling",
            Assert.Throws<ModelException>(() => Describe(("Ports:Scheduling", "5101"))).Message);
        Assert.Contains("Ports:Postgres", Assert.Throws<ModelException>(() => Describe(("Ports:Postgres", "lots"))).Message);
    }

    [Fact]
    public void Flags_become_settings()
    {
        Assert.Equal(["--AppHost:Fresh=true", "--AppHost:DataDirectory=/tmp/x", "--AppHost:Build=false", "--Ports:Membership=6101"],
            CommandLine.ToSettings(["--fresh", "--data", "/tmp/x", "--no-build", "--Ports:Membership=6101"]));
        Assert.Throws<AppHostException>(() => CommandLine.ToSettings(["--data"]));
    }

    [Fact]
    public void Restarts_back_off_exponentially_up_to_30_seconds_and_start_over_after_a_stable_run()
    {
        var backoff = Backoff.ForRestarts();
        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(TimeSpan.FromSeconds(1)).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
        Assert.Equal(1, backoff.Next(TimeSpan.FromMinutes(5)).TotalSeconds);
    }

    private static ApplicationModel Describe(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return AppHostModel.Describe(new ApplicationModelBuilder(configuration));
    }
}
