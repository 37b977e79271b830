using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Studios.Launchers;

/// <summary>
/// smtp4dev (the dotnet tool Rnwood.Smtp4dev from the repository's tool manifest) as a development mail server: SMTP and
/// its web UI / REST API on 127.0.0.1 only, IMAP and POP3 off, messages in memory or in its data folder. Every mail it
/// receives is kept, never relayed.
/// </summary>
public sealed class Smtp4devServer : LocalServer
{
    private const string ToolManifest = ".config/dotnet-tools.json";
    private const string ProcessName = "Rnwood.Smtp4dev";
    /// <summary>Every smtp4dev we start carries its data folder in this variable, so a later run finds one a crash left.</summary>
    public const string DataVariable = "STUDIOS_SMTP4DEV_DATA";

    private readonly Smtp4devOptions _options;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly string _toolDirectory;
    private readonly string _consoleLog;
    private Process? _process;

    private Smtp4devServer(Smtp4devOptions options, ILogger logger, string root, string toolDirectory)
        : base(root, options.DeleteDataOnDispose)
    {
        _options = options;
        _logger = logger;
        _root = root;
        _toolDirectory = toolDirectory;
        _consoleLog = Path.Combine(root, "console.log");
    }

    public int SmtpPort => _options.SmtpPort;
    public int WebPort => _options.WebPort;

    /// <summary>What ConnectionStrings__mail holds for a service that sends through this server.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{SmtpPort}";

    /// <summary>The web UI; its REST API is under /api (e.g. /api/messages).</summary>
    public Uri WebUri => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>The smtp4dev process's pid, while it runs (found by its data folder in its environment).</summary>
    public int? ProcessId => ServerPids().Cast<int?>().FirstOrDefault();

    public static async Task<Smtp4devServer> StartAsync(Smtp4devOptions options, ILogger? logger = null, CancellationToken ct = default)
    {
        var toolDirectory = options.ToolDirectory ?? FindToolDirectory(AppContext.BaseDirectory)
            ?? FindToolDirectory(Directory.GetCurrentDirectory())
            ?? throw new LauncherException($"No {ToolManifest} found above {AppContext.BaseDirectory}: smtp4dev comes from the " +
                "repository's tool manifest (run 'dotnet tool restore' in the repository).");
        var root = DataFolder.Prepare(options.DataDirectory);
        var server = new Smtp4devServer(options, logger ?? NullLogger.Instance, root, toolDirectory);
        await server.StartCoreAsync(ct).ConfigureAwait(false);
        return server;
    }

    /// <summary>Graceful: SIGTERM lets ASP.NET Core shut down; we wait for it and the `dotnet tool run` parent.</summary>
    public override async Task StopAsync(CancellationToken ct = default)
    {
        var pids = ServerPids();
        if (pids.Count > 0) await Processes.TerminateAsync(pids, TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        await ReapAsync().ConfigureAwait(false);
        _logger.LogInformation("smtp4dev on SMTP port {Port} stopped", SmtpPort);
    }

    public override async Task KillAsync()
    {
        var pids = ServerPids();
        await Processes.KillAsync(pids).ConfigureAwait(false);
        await ReapAsync().ConfigureAwait(false);
        if (pids.Count > 0) _logger.LogWarning("smtp4dev on SMTP port {Port} killed", SmtpPort);
    }

    /// <summary>Stops an smtp4dev that a crashed earlier run left on this data folder, without starting anything.</summary>
    public static async Task StopLeftOverAsync(string dataDirectory, ILogger? logger = null, CancellationToken ct = default)
    {
        var leftOver = Processes.WithEnvironment(ProcessName, $"{DataVariable}={Path.GetFullPath(dataDirectory)}");
        if (leftOver.Count == 0) return;
        (logger ?? NullLogger.Instance).LogWarning("Stopping smtp4dev left running on {Directory} (pid {Pid})", dataDirectory, leftOver[0]);
        await Processes.TerminateAsync(leftOver, TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
    }

    /// <summary>`dotnet` arguments that run smtp4dev from the tool manifest of the working directory: SMTP and the web UI on
    /// 127.0.0.1 only, IMAP and POP3 off, the mails in <paramref name="database"/> (in memory when empty).</summary>
    public static string[] Arguments(int smtpPort, int webPort, string dataDirectory, string database, int messagesToKeep = 10_000) =>
    [
        "tool", "run", "smtp4dev", "--",
        "--bindaddress=127.0.0.1", "--disableipv6", "--hostname=localhost",
        $"--smtpport={smtpPort}", "--imapport=", "--pop3port=",
        $"--urls=http://127.0.0.1:{webPort}",
        $"--db={database}",
        $"--messagestokeep={messagesToKeep}",
        $"--baseappdatapath={dataDirectory}", "--nousersettings",
    ];

    /// <summary>The first folder at or above <paramref name="start"/> holding the tool manifest.</summary>
    public static string? FindToolDirectory(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ToolManifest))) return folder.FullName;
        }
        return null;
    }

    private IReadOnlyList<int> ServerPids() => Processes.WithEnvironment(ProcessName, $"{DataVariable}={_root}");

    protected override async Task StartCoreAsync(CancellationToken ct)
    {
        await StopLeftOverAsync(_root, _logger, ct).ConfigureAwait(false);
        foreach (var (port, purpose) in new[] { (SmtpPort, "smtp4dev SMTP"), (WebPort, "smtp4dev web") })
            if (!FreePort.IsFree(port)) throw LauncherException.PortTaken(port, purpose);

        _process = Process.Start(StartInfo()) ?? throw new LauncherException("Could not start 'dotnet tool run smtp4dev'.");
        Processes.AppendOutputTo(_process, _consoleLog);
        _logger.LogInformation("smtp4dev starting (SMTP {Smtp}, web {Web}, data {Directory})", SmtpPort, WebPort, _root);
        await WaitUntilReadyAsync(_process, ct).ConfigureAwait(false);
        _logger.LogInformation("smtp4dev ready (pid {Pid})", ProcessId);
    }

    private ProcessStartInfo StartInfo()
    {
        // setsid: a terminal's Ctrl+C reaches the AppHost, which stops the services before the mail server.
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = _toolDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = ["dotnet", .. Arguments(SmtpPort, WebPort, _root, _options.InMemory ? "" : Path.Combine(_root, "smtp4dev.db"), _options.MessagesToKeep)];
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment[DataVariable] = _root;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    /// <summary>Ready means the SMTP port accepts a connection and the REST API answers.</summary>
    private async Task WaitUntilReadyAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        using var web = new HttpClient { BaseAddress = WebUri, Timeout = TimeSpan.FromSeconds(5) };
        var lastProblem = "no answer yet";
        while (true)
        {
            if (process.HasExited)
            {
                var output = DataFolder.Tail(_consoleLog, 40);
                if (output.Contains("dotnet tool restore", StringComparison.Ordinal) || output.Contains("not found", StringComparison.OrdinalIgnoreCase))
                    throw new LauncherException($"smtp4dev is not installed: run 'dotnet tool restore' in {_toolDirectory}.\n{output}");
                if (output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                    throw LauncherException.PortTaken(output.Contains(WebPort.ToString(), StringComparison.Ordinal) ? WebPort : SmtpPort, "smtp4dev");
                throw new LauncherException($"smtp4dev exited during start-up (exit code {process.ExitCode}). Its output ({_consoleLog}):\n{output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                await KillAsync().ConfigureAwait(false);
                throw new LauncherException($"smtp4dev was not ready within {_options.StartTimeout.TotalSeconds:0} s ({lastProblem}). " +
                    $"Its output ({_consoleLog}):\n{DataFolder.Tail(_consoleLog)}");
            }
            try
            {
                using (var smtp = new TcpClient()) await smtp.ConnectAsync("127.0.0.1", SmtpPort, ct).ConfigureAwait(false);
                using var messages = await web.GetAsync("api/messages?pageSize=1", ct).ConfigureAwait(false);
                if (messages.IsSuccessStatusCode) return;
                lastProblem = $"REST API answered {(int)messages.StatusCode}";
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                lastProblem = e.Message;
            }
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the `dotnet tool run` parent we started, so no process of ours is left behind.</summary>
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
}
