using Microsoft.Extensions.Logging;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>
/// What an earlier run that crashed (or was killed) left running on this data folder: service processes
/// (found by their marker variable and pid files), the broker and the database. Stopped before anything starts.
/// </summary>
public static class LeftOvers
{
    public static async Task StopAsync(DataLayout data, ILogger logger, CancellationToken ct)
    {
        var services = ProcFs.WithEnvironment(data.ChildMarker).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(data.Pids, "*.pid").Where(f => Path.GetFileName(f) != "apphost.pid"))
        {
            // A recorded pid is only ours if the process still carries our marker: pids get reused.
            if (int.TryParse(File.ReadAllText(file).Trim(), out var pid) && ProcFs.IsAlive(pid) && ProcFs.HasEnvironment(pid, data.ChildMarker))
                services.Add(pid);
            File.Delete(file);
        }
        if (services.Count > 0)
        {
            logger.LogWarning("Stopping {Count} service process(es) left running by an earlier run (pids {Pids})",
                services.Count, string.Join(", ", services));
            await Signals.TerminateAsync(services, TimeSpan.FromSeconds(5));
        }

        // The launchers find their own servers from the data folder (postmaster.pid, the broker's environment).
        await Task.WhenAll(
            PostgresServer.StopLeftOverAsync(data.Postgres, logger, ct),
            RabbitMqServer.StopLeftOverAsync(data.RabbitMq, logger, ct));
    }
}
