using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Studios.AppHost.Model;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>The broker, from Debian's rabbitmq-server, with the management plugin, loopback only.</summary>
public sealed class RabbitMqRunner(RabbitMqResource resource, AppHostSettings settings, DataLayout data, ConsoleLog log, ILogger logger)
    : ServerRunner(resource, "RabbitMQ", Path.Combine(data.RabbitMq, "console.log"), resource.Amqp.Port, log, logger)
{
    private RabbitMqServer? _server;

    public override IReadOnlyList<string> Urls =>
        [$"amqp://127.0.0.1:{resource.Amqp.Port}", $"http://127.0.0.1:{resource.Management.Port}"];

    public string ConnectionString => _server?.ConnectionString() ?? throw new InvalidOperationException("RabbitMQ has not started.");

    protected override int? CurrentProcessId => _server?.ProcessId;

    protected override async Task<int?> StartServerAsync(CancellationToken ct)
    {
        if (_server is null)
        {
            var options = new RabbitMqOptions(data.RabbitMq, resource.Amqp.Port, resource.Management.Port, resource.Distribution.Port, NodeName())
            {
                ServerExecutable = settings.RabbitMqServerExecutable,
            };
            try
            {
                _server = await RabbitMqServer.StartAsync(options, LauncherLogger, ct);
            }
            catch (LauncherException e) when (e.Port is { } port)
            {
                throw PortCheck.Taken(resource.Ports.First(p => p.Port == port));
            }
        }
        else
        {
            await _server.RestartAsync(ct);
        }
        return _server.ProcessId;
    }

    protected override async Task TerminateInstanceAsync()
    {
        if (_server is not null) await _server.StopAsync();
        else await RabbitMqServer.StopLeftOverAsync(data.RabbitMq, LauncherLogger);
    }

    /// <summary>Unique per data folder: two AppHosts (say, a developer's and a test's) must not share an Erlang node name.</summary>
    private string NodeName() =>
        "studios-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(data.Root)))[..8].ToLowerInvariant();
}
