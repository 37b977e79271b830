using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Studios.AppHost.Model;
using Studios.Dashboard.Access;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>
/// One run of the AppHost: check what it needs, clear what a crashed run left, start everything, print the table,
/// and on Ctrl+C / SIGTERM stop everything in order. Problems the user can fix end with a message and exit code 1.
/// </summary>
public static class AppHostRunner
{
    public static async Task<int> RunAsync(string[] args, Func<ApplicationModelBuilder, ApplicationModel> describe)
    {
        if (CommandLine.WantsHelp(args))
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }
        var elapsed = Stopwatch.StartNew();
        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(ConsoleFormat.Configure).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        var logger = loggers.CreateLogger("Studios.AppHost");

        using var shutdown = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => RequestShutdown(context, shutdown, logger));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => RequestShutdown(context, shutdown, logger));

        Supervisor? supervisor = null;
        WebApplication? web = null;
        AppHostLock? instanceLock = null;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddCommandLine(CommandLine.ToSettings(args))
                .Build();
            var model = describe(new ApplicationModelBuilder(configuration));
            var settings = AppHostSettings.From(configuration);

            Prerequisites.Check(settings);
            var data = DataLayout.Prepare(settings.DataDirectory);
            instanceLock = AppHostLock.Acquire(data);
            await LeftOvers.StopAsync(data, logger, shutdown.Token);
            if (settings.Fresh)
            {
                logger.LogInformation("--fresh: wiping {Folder}", data.Root);
                data.Wipe();
            }
            PortCheck.EnsureFree(model.BoundPorts);

            using var tokens = DevTokens.LoadOrCreate($"http://127.0.0.1:{model.AppHost.Port}", new Secrets(data).PathOf("dev-token-signing-key.pem"));
            supervisor = new Supervisor(model, settings, data, loggers);
            web = AppHostWeb.Build(model, configuration, supervisor, tokens);
            await web.StartAsync(shutdown.Token);
            logger.LogInformation("AppHost on http://127.0.0.1:{Port}, data in {Folder}", model.AppHost.Port, data.Root);
            var loginUrl = web.Services.GetRequiredService<DashboardAccess>().LoginUrl;
            logger.LogInformation("Login to the dashboard at {LoginUrl}", loginUrl);

            await supervisor.StartAsync();
            var allUp = await supervisor.WaitUntilUpAsync(settings.StartupTimeout, shutdown.Token);
            StartupTable.Print(supervisor, model, data, elapsed.Elapsed, allUp, loginUrl);

            await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is AppHostException or ModelException or LauncherException)
        {
            logger.LogError("{Message}", e.Message);
            Console.Error.WriteLine();
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e)
        {
            // A bug of ours, not something the user can fix: the stack trace helps whoever fixes it.
            logger.LogCritical(e, "The AppHost failed unexpectedly");
            return 70;
        }
        finally
        {
            if (supervisor is not null)
            {
                logger.LogInformation("Stopping: services first, then the broker and the database");
                await supervisor.DisposeAsync();
            }
            if (web is not null) await web.DisposeAsync();
            instanceLock?.Dispose();
            if (supervisor is not null) logger.LogInformation("Stopped");
            loggers.Dispose();
        }
    }

    private static void RequestShutdown(PosixSignalContext context, CancellationTokenSource shutdown, ILogger logger)
    {
        // Keep the process alive until everything it started has stopped.
        context.Cancel = true;
        if (shutdown.IsCancellationRequested) return;
        logger.LogInformation("{Signal} received", context.Signal);
        shutdown.Cancel();
    }
}
