namespace Studios.AppHost.Hosting;

/// <summary>The Debian binaries the AppHost runs; checked before anything starts so a missing one is one clear line.</summary>
public static class Prerequisites
{
    public static void Check(AppHostSettings settings)
    {
        var missing = new List<string>();
        if (!File.Exists(settings.RabbitMqServerExecutable))
            missing.Add($"RabbitMQ ('{settings.RabbitMqServerExecutable}' not found): apt-get install rabbitmq-server " +
                        "(or point --RabbitMq:ServerExecutable at it)");
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var path = Path.Combine(settings.PostgresBinDirectory, tool);
            if (File.Exists(path)) continue;
            missing.Add($"PostgreSQL 15 ('{path}' not found): apt-get install postgresql " +
                        "(or point --Postgres:BinDirectory at its bin folder)");
            break;
        }
        if (missing.Count > 0)
            throw new AppHostException("Missing prerequisites:\n  - " + string.Join("\n  - ", missing) +
                                       "\n./studios run installs them for you.");
    }
}
