using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Studios.Launchers;

namespace Studios.Messaging.Tests.Support;

/// <summary>Raises and clears a memory alarm on a test's own broker (<c>rabbitmqctl set_vm_memory_high_watermark</c>,
/// talking to the node with its own Erlang cookie), and reads the state of its client connections.</summary>
public sealed class BrokerAlarm(RabbitMqServer broker)
{
    private const string Rabbitmqctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private const string Normal = "0.4";

    /// <summary>A watermark far below what the node uses: the memory alarm goes off and every publishing connection blocks.</summary>
    public Task RaiseAsync() => SetWatermarkAsync("0.0001");

    public Task ClearAsync() => SetWatermarkAsync(Normal);

    /// <summary>Each client connection's name and state (running, blocking, blocked, ...), from the management API.</summary>
    public async Task<IReadOnlyList<ClientConnection>> ConnectionsAsync()
    {
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{broker.ManagementPort}/api/") };
        management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.UserName}:{broker.Password}")));
        return await management.GetFromJsonAsync<List<ClientConnection>>("connections?columns=name,state,client_properties") ?? [];
    }

    private async Task SetWatermarkAsync(string fraction)
    {
        var cookie = (await File.ReadAllTextAsync(Path.Combine(broker.DataDirectory, "home", ".erlang.cookie"))).Trim();
        var start = new ProcessStartInfo(Rabbitmqctl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HOME"] = Path.GetTempPath(), ["ERL_EPMD_ADDRESS"] = "127.0.0.1" },
        };
        foreach (var argument in (string[])["-n", broker.NodeName, "--erlang-cookie", cookie, "set_vm_memory_high_watermark", fraction])
            start.ArgumentList.Add(argument);
        using var ctl = Process.Start(start)!;
        var output = await ctl.StandardOutput.ReadToEndAsync() + await ctl.StandardError.ReadToEndAsync();
        await ctl.WaitForExitAsync();
        if (ctl.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl set_vm_memory_high_watermark {fraction} failed ({ctl.ExitCode}): {output}");
    }
}

public sealed record ClientConnection(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("client_properties")] Dictionary<string, object?>? ClientProperties)
{
    public string? ClientName => ClientProperties?.GetValueOrDefault("connection_name")?.ToString();
}
