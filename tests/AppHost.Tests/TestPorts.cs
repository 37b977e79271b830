using Studios.Launchers;

namespace Studios.AppHost.Tests;

/// <summary>A free loopback port for every setting, so a test AppHost never meets a developer's one (or another test's).</summary>
public sealed class TestPorts
{
    public static readonly string[] Keys =
    [
        "Membership", "Scheduling", "PracticeContent", "Stewardship", "AppHost", "OtlpGrpc", "OtlpHttp",
        "RabbitMq", "RabbitMqManagement", "RabbitMqDistribution", "Postgres",
    ];

    private readonly Dictionary<string, int> _ports;

    public TestPorts()
    {
        var taken = new HashSet<int>();
        _ports = Keys.ToDictionary(key => key, _ =>
        {
            int port;
            do port = FreePort.Next(); while (!taken.Add(port));
            return port;
        });
    }

    public int this[string key] => _ports[key];

    public IEnumerable<string> Arguments => _ports.Select(p => $"--Ports:{p.Key}={p.Value}");
}
