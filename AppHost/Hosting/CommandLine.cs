namespace Studios.AppHost.Hosting;

/// <summary>
/// Turns the AppHost's flags into configuration settings. Configuration's own command-line parser would read
/// "--fresh --data x" as fresh = "--data", so flags without values are rewritten first.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project AppHost -- [options] [--Setting=value ...]
               dotnet run --project AppHost -- publish --output <folder>   (Kubernetes manifests; publish --help)

        Options:
          --fresh              wipe the data folder first (databases, broker state, secrets, logs)
          --data <folder>      data folder (default: <repository>/.data)
          --no-build           start the services from their existing build output
          --help               show this text

        Settings (also as environment variables, e.g. Ports__Membership=6101):
          --Ports:Membership=5101  --Ports:Scheduling=5102  --Ports:PracticeContent=5103  --Ports:Stewardship=5104
          --Ports:AppHost=18888  --Ports:OtlpGrpc=4317  --Ports:OtlpHttp=4318
          --Ports:RabbitMq=5673  --Ports:RabbitMqManagement=15673  --Ports:RabbitMqDistribution=25673  --Ports:Postgres=5433
          --AppHost:Configuration=Debug              build configuration of the services
          --AppHost:StartupTimeout=00:03:00          how long to wait for everything to be healthy before printing the table
          --Postgres:BinDirectory=/usr/lib/postgresql/15/bin
          --RabbitMq:ServerExecutable=/usr/lib/rabbitmq/bin/rabbitmq-server
        """;

    public static bool WantsHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    public static string[] ToSettings(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--fresh":
                    settings.Add("--AppHost:Fresh=true");
                    break;
                case "--no-build":
                    settings.Add("--AppHost:Build=false");
                    break;
                case "--data":
                    if (i + 1 >= args.Count) throw new AppHostException("--data needs a folder, e.g. --data /tmp/studios-data");
                    settings.Add($"--AppHost:DataDirectory={args[++i]}");
                    break;
                default:
                    if (arg.StartsWith("--data=", StringComparison.Ordinal)) settings.Add($"--AppHost:DataDirectory={arg[7..]}");
                    else if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains('=') || i + 1 < args.Count)) settings.Add(arg);
                    else throw new AppHostException($"Unknown option '{arg}'. Run with --help to see the options.");
                    break;
            }
        }
        return [.. settings];
    }
}
