using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Studios.Launchers;

/// <summary>
/// A RabbitMQ node run in the foreground from Debian's rabbitmq-server, with the management plugin,
/// bound to 127.0.0.1 only, its config, data, logs and Erlang cookie in its own folder.
/// </summary>
public sealed partial class RabbitMqServer : LocalServer
{
    private const string ServiceUser = "rabbitmq";
    private const string Epmd = "/usr/bin/epmd";

    private readonly RabbitMqOptions _options;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly string _node;
    private readonly string _consoleLog;
    private readonly HttpClient _management;
    private Process? _process;

    private RabbitMqServer(RabbitMqOptions options, ILogger logger, string root, string node, string password)
        : base(root, options.DeleteDataOnDispose)
    {
        _options = options;
        _logger = logger;
        _root = root;
        _node = node;
        _consoleLog = Path.Combine(root, "console.log");
        Password = password;
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.ManagementPort}/api/") };
        _management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
    }

    public string UserName => "studios";
    public string Password { get; }
    public int AmqpPort => _options.AmqpPort;
    public int ManagementPort => _options.ManagementPort;
    public string NodeName => _node;

    /// <summary>The beam.smp pid, found by the node name in its environment (the runuser parent is not the broker).</summary>
    public int? ProcessId => BeamPids().Cast<int?>().FirstOrDefault();

    public static async Task<RabbitMqServer> StartAsync(RabbitMqOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        DataFolder.RequireBinary(options.ServerExecutable, "rabbitmq-server");
        var node = options.NodeName.Contains('@') ? options.NodeName : options.NodeName + "@localhost";
        if (!NodePattern().IsMatch(node))
            throw new LauncherException($"'{options.NodeName}' is not a usable RabbitMQ node name (letters, digits, '-', '_', '.' then @localhost).");
        var root = DataFolder.Prepare(options.DataDirectory);
        var password = DataFolder.PersistedSecret(Path.Combine(root, "broker.password"));
        var server = new RabbitMqServer(options, logger ?? NullLogger.Instance, root, node, password);
        try
        {
            await server.StartCoreAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            server._management.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>amqp://user:pass@127.0.0.1:port/vhost. The default vhost "/" is written as an empty path,
    /// which RabbitMQ.Client and MassTransit both read as "/".</summary>
    public Uri AmqpUri(string virtualHost = "/") => new(ConnectionString(virtualHost));

    public string ConnectionString(string virtualHost = "/") => ConnectionString(virtualHost, UserName, Password);

    private string ConnectionString(string virtualHost, string user, string password) =>
        $"amqp://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{AmqpPort}/" +
        (virtualHost == "/" ? "" : Uri.EscapeDataString(virtualHost));

    /// <summary>A user of its own with every right on <paramref name="virtualHost"/>, for a client that must be cut off
    /// for good later (<see cref="DeleteUserAsync"/>); returns the client's connection string.</summary>
    public async Task<string> CreateUserAsync(string name, string virtualHost, CancellationToken ct = default)
    {
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await SendAsync(HttpMethod.Put, $"users/{Uri.EscapeDataString(name)}", JsonContent.Create(new { password, tags = "" }), ct)
            .ConfigureAwait(false);
        await SendAsync(HttpMethod.Put, $"permissions/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(name)}",
            JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }), ct).ConfigureAwait(false);
        return ConnectionString(virtualHost, name, password);
    }

    /// <summary>Removes a user made by <see cref="CreateUserAsync"/>: it can never connect again. Its open connections
    /// stay until closed (<see cref="CloseConnectionsAsync"/>).</summary>
    public Task DeleteUserAsync(string name, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"users/{Uri.EscapeDataString(name)}", null, ct, notFoundIsFine: true);

    public async Task CreateVirtualHostAsync(string name, CancellationToken ct = default)
    {
        var vhost = Uri.EscapeDataString(name);
        await SendAsync(HttpMethod.Put, $"vhosts/{vhost}", null, ct).ConfigureAwait(false);
        await SendAsync(HttpMethod.Put, $"permissions/{vhost}/{Uri.EscapeDataString(UserName)}",
            JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }), ct).ConfigureAwait(false);
    }

    /// <summary>Closes the clients' connections to <paramref name="virtualHost"/> (those named <paramref name="clientName"/>
    /// and of <paramref name="user"/>, or all), as a network cut or a dead process would; returns how many. The broker
    /// requeues their unacknowledged deliveries.</summary>
    public async Task<int> CloseConnectionsAsync(string virtualHost, string? clientName = null, string? user = null,
        CancellationToken ct = default)
    {
        var connections = await _management.GetFromJsonAsync<List<ManagedConnection>>(
            $"vhosts/{Uri.EscapeDataString(virtualHost)}/connections", ct).ConfigureAwait(false) ?? [];
        var closing = connections
            .Where(c => clientName is null || c.ClientProperties?.GetValueOrDefault("connection_name")?.ToString() == clientName)
            .Where(c => user is null || c.User == user)
            .ToList();
        foreach (var connection in closing)
            await SendAsync(HttpMethod.Delete, $"connections/{Uri.EscapeDataString(connection.Name)}", null, ct, notFoundIsFine: true)
                .ConfigureAwait(false);
        return closing.Count;
    }

    private sealed record ManagedConnection(
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("user")] string? User,
        [property: System.Text.Json.Serialization.JsonPropertyName("client_properties")] Dictionary<string, object?>? ClientProperties);

    /// <summary>The queues of <paramref name="virtualHost"/> as the management API sees them (depth, unacknowledged,
    /// consumers): what a test prints when messages stop flowing.</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(string virtualHost = "/", CancellationToken ct = default) =>
        await _management.GetFromJsonAsync<List<QueueState>>($"queues/{Uri.EscapeDataString(virtualHost)}", ct).ConfigureAwait(false) ?? [];

    /// <summary>The bindings of <paramref name="virtualHost"/> (exchange to exchange or queue), for the same purpose.</summary>
    public async Task<IReadOnlyList<BindingState>> BindingsAsync(string virtualHost = "/", CancellationToken ct = default) =>
        await _management.GetFromJsonAsync<List<BindingState>>($"bindings/{Uri.EscapeDataString(virtualHost)}", ct).ConfigureAwait(false) ?? [];

    /// <summary>The last lines of the node's own log (boot, crashes, recovery).</summary>
    public string LogTail(int lines = 60) => DataFolder.Tail(Path.Combine(_root, "log", _node + ".log"), lines);

    public Task DeleteVirtualHostAsync(string name, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"vhosts/{Uri.EscapeDataString(name)}", null, ct, notFoundIsFine: true);

    /// <summary>Graceful: SIGTERM makes the node shut down cleanly; we wait for it and its runuser parent.</summary>
    public override async Task StopAsync(CancellationToken ct = default)
    {
        var pids = BeamPids();
        if (pids.Count > 0) await Processes.TerminateAsync(pids, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        await ReapAsync().ConfigureAwait(false);
        await StopIdleEpmdAsync().ConfigureAwait(false);
        _logger.LogInformation("RabbitMQ node {Node} stopped", _node);
    }

    /// <summary>kill -9 the node, as a crash would (epmd is left running, as after a real crash).</summary>
    public override async Task KillAsync()
    {
        var pids = BeamPids();
        await Processes.KillAsync([.. pids, .. pids.SelectMany(Processes.ChildrenOf)]).ConfigureAwait(false);
        await ReapAsync().ConfigureAwait(false);
        if (pids.Count > 0) _logger.LogWarning("RabbitMQ node {Node} killed", _node);
    }

    protected override Task AfterKilledForDisposalAsync() => StopIdleEpmdAsync();

    protected override void ReleaseResources() => _management.Dispose();

    /// <summary>
    /// Stops any RabbitMQ node that a crashed earlier run left on this data folder, and the epmd daemon it started,
    /// without starting anything. StartAsync does this by itself (also for a node of the same name).
    /// </summary>
    public static async Task StopLeftOverAsync(string dataDirectory, ILogger? logger = null, CancellationToken ct = default)
    {
        var mnesia = MnesiaVariable(Path.GetFullPath(dataDirectory));
        var leftOver = Processes.WithEnvironment("beam.smp", mnesia);
        if (leftOver.Count > 0)
        {
            (logger ?? NullLogger.Instance).LogWarning("Stopping RabbitMQ left running on {Directory} (pid {Pid})", dataDirectory, leftOver[0]);
            await Processes.TerminateAsync(leftOver, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }
        // A node that has to start epmd starts it as a daemon with its own environment; once the node is gone, so is its epmd.
        var epmd = Processes.WithEnvironment("epmd", mnesia);
        if (epmd.Count > 0) await Processes.TerminateAsync(epmd, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
    }

    private static string MnesiaVariable(string root) => $"RABBITMQ_MNESIA_BASE={root}/mnesia";

    private IReadOnlyList<int> BeamPids() => Processes.WithEnvironment("beam.smp", $"RABBITMQ_NODENAME={_node}");

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        // A crashed earlier run may have left this node, or another on this data, running: it holds our ports and files.
        var leftOver = BeamPids().Union(Processes.WithEnvironment("beam.smp", MnesiaVariable(_root))).ToList();
        if (leftOver.Count > 0)
        {
            _logger.LogWarning("Stopping RabbitMQ node {Node} left running by an earlier run (pid {Pid})", _node, leftOver[0]);
            await Processes.TerminateAsync(leftOver, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }
        foreach (var (port, purpose) in Ports())
            if (!FreePort.IsFree(port)) throw LauncherException.PortTaken(port, purpose);

        WriteConfiguration();
        await DataFolder.GiveToAsync(ServiceUser, _root, ct).ConfigureAwait(false);

        _process = Process.Start(StartInfo())
            ?? throw new LauncherException($"Could not start {_options.ServerExecutable}.");
        Processes.AppendOutputTo(_process, _consoleLog);
        _logger.LogInformation("RabbitMQ node {Node} starting (AMQP {Amqp}, management {Management}, data {Directory})",
            _node, AmqpPort, ManagementPort, _root);
        await WaitUntilReadyAsync(_process, ct).ConfigureAwait(false);
        _logger.LogInformation("RabbitMQ node {Node} ready (pid {Pid})", _node, ProcessId);
    }

    private void WriteConfiguration()
    {
        foreach (var folder in new[] { "home", "mnesia", "log" }) Directory.CreateDirectory(Path.Combine(_root, folder));
        File.WriteAllText(Path.Combine(_root, "enabled_plugins"), "[rabbitmq_management].\n");
        File.WriteAllText(Path.Combine(_root, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {ManagementPort}
            default_user = {UserName}
            default_pass = {Password}
            loopback_users = none
            """ + "\n");
    }

    private ProcessStartInfo StartInfo()
    {
        var environment = new[]
        {
            $"HOME={_root}/home",
            MnesiaVariable(_root),
            $"RABBITMQ_LOG_BASE={_root}/log",
            $"RABBITMQ_NODE_PORT={AmqpPort}",
            $"RABBITMQ_NODENAME={_node}",
            $"RABBITMQ_DIST_PORT={_options.DistributionPort}",
            $"RABBITMQ_ENABLED_PLUGINS_FILE={_root}/enabled_plugins",
            $"RABBITMQ_CONFIG_FILE={_root}/rabbitmq.conf",
            "ERL_EPMD_ADDRESS=127.0.0.1",
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}",
        };
        // runuser resets HOME and friends, so the environment goes through env after it. setsid puts the broker in a
        // session of its own: a terminal's Ctrl+C reaches the AppHost, which stops the services before the broker.
        string[] command = Native.IsRoot
            ? ["setsid", "runuser", "-u", ServiceUser, "--", "env", .. environment, _options.ServerExecutable]
            : ["setsid", "env", .. environment, _options.ServerExecutable];
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        return info;
    }

    /// <summary>Ready means both an AMQP connection opens and the management API answers.</summary>
    private async Task WaitUntilReadyAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = AmqpPort, UserName = UserName, Password = Password,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5), AutomaticRecoveryEnabled = false,
        };
        string lastProblem = "no answer yet";
        while (true)
        {
            if (process.HasExited)
            {
                ThrowIfPortWasTaken();
                throw new LauncherException(
                    $"RabbitMQ node {_node} exited during boot (exit code {process.ExitCode}). Its output ({_consoleLog}):\n" +
                    DataFolder.Tail(_consoleLog) + $"\nIts log:\n{DataFolder.Tail(Path.Combine(_root, "log", _node + ".log"))}");
            }
            if (DateTime.UtcNow > deadline)
            {
                await KillAsync().ConfigureAwait(false);
                throw new LauncherException(
                    $"RabbitMQ node {_node} was not ready within {_options.StartTimeout.TotalSeconds:0} s ({lastProblem}). " +
                    $"Its output ({_consoleLog}):\n{DataFolder.Tail(_consoleLog)}");
            }
            try
            {
                await using (await factory.CreateConnectionAsync(ct).ConfigureAwait(false)) { }
                using var overview = await _management.GetAsync("overview", ct).ConfigureAwait(false);
                if (overview.IsSuccessStatusCode) return;
                lastProblem = $"management API answered {(int)overview.StatusCode}";
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastProblem = e.Message;
            }
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Someone may bind a port between our check and the node's own bind: report it as a taken port.</summary>
    private void ThrowIfPortWasTaken()
    {
        var output = DataFolder.Tail(_consoleLog, 200);
        if (!output.Contains("eaddrinuse", StringComparison.Ordinal)) return;
        foreach (var (port, purpose) in Ports())
            if (Regex.IsMatch(output, $@"\b{port}\b")) throw LauncherException.PortTaken(port, purpose);
    }

    private (int Port, string Purpose)[] Ports() =>
    [
        (AmqpPort, "RabbitMQ AMQP"), (ManagementPort, "RabbitMQ management"),
        (_options.DistributionPort, "RabbitMQ Erlang distribution"),
    ];

    /// <summary>Waits for the runuser/env parent we started, so no process of ours is left behind.</summary>
    private async Task ReapAsync()
    {
        if (_process is null) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Erlang starts epmd for the node and leaves it behind; stop it when no node uses it any more.</summary>
    private async Task StopIdleEpmdAsync()
    {
        if (!File.Exists(Epmd)) return;
        // Another broker may be booting and not registered yet: leave epmd alone while any beam.smp runs.
        if (Processes.WithEnvironment("beam.smp", "ERL_EPMD_ADDRESS=127.0.0.1").Count > 0) return;
        var names = await Commands.RunAsync(Epmd, ["-names"]).ConfigureAwait(false);
        if (!names.IsSuccess || names.StandardOutput.Contains("name ", StringComparison.Ordinal)) return;
        await Commands.RunAsync(Epmd, ["-kill"]).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct, bool notFoundIsFine = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _management.SendAsync(request, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || (notFoundIsFine && response.StatusCode == System.Net.HttpStatusCode.NotFound)) return;
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        throw new LauncherException($"RabbitMQ management API {method} {path} answered {(int)response.StatusCode}: {body}");
    }

    public sealed record QueueState(
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("messages")] long Messages,
        [property: System.Text.Json.Serialization.JsonPropertyName("messages_ready")] long Ready,
        [property: System.Text.Json.Serialization.JsonPropertyName("messages_unacknowledged")] long Unacknowledged,
        [property: System.Text.Json.Serialization.JsonPropertyName("consumers")] int Consumers,
        [property: System.Text.Json.Serialization.JsonPropertyName("durable")] bool Durable)
    {
        public override string ToString() =>
            $"{Name}: {Messages} messages ({Ready} ready, {Unacknowledged} unacked), {Consumers} consumers{(Durable ? "" : ", not durable")}";
    }

    public sealed record BindingState(
        [property: System.Text.Json.Serialization.JsonPropertyName("source")] string Source,
        [property: System.Text.Json.Serialization.JsonPropertyName("destination")] string Destination,
        [property: System.Text.Json.Serialization.JsonPropertyName("destination_type")] string DestinationType)
    {
        public override string ToString() => $"{(Source == "" ? "(default)" : Source)} -> {DestinationType} {Destination}";
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+@localhost$")]
    private static partial Regex NodePattern();
}
