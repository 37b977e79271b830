using Studios.Launchers;

namespace Studios.AppHost.Local;

/// <summary>
/// The loopback ports of a local run, each moved by the setting <c>Ports:&lt;Key&gt;</c> (command line
/// <c>--Ports:Postgres=6543</c> or environment <c>Ports__Postgres=6543</c>); 0 takes any free port (the tests do).
/// Checked before anything starts, so a taken port is one message naming the setting that moves it.
/// </summary>
public sealed class LocalPorts(IConfiguration configuration)
{
    private static readonly Dictionary<string, (int Port, string Purpose)> Defaults = new()
    {
        ["Dashboard"] = (18888, "the Aspire dashboard"),
        ["OtlpGrpc"] = (4317, "the dashboard's OTLP/gRPC receiver"),
        ["OtlpHttp"] = (4318, "the dashboard's OTLP/HTTP receiver"),
        ["Identity"] = (5100, "the development identity"),
        ["Membership"] = (5101, "Membership"),
        ["Scheduling"] = (5102, "Scheduling"),
        ["PracticeContent"] = (5103, "PracticeContent"),
        ["Stewardship"] = (5104, "Stewardship"),
        ["Notifications"] = (5105, "Notifications"),
        ["Web"] = (5000, "the web app"),
        ["Smtp"] = (2525, "the development mail server's SMTP (smtp4dev)"),
        ["MailUi"] = (5080, "the development mail server's web UI (smtp4dev)"),
        ["RabbitMq"] = (5673, "RabbitMQ AMQP"),
        ["RabbitMqManagement"] = (15673, "RabbitMQ management"),
        ["RabbitMqDistribution"] = (25673, "RabbitMQ Erlang distribution"),
        ["Epmd"] = (24369, "RabbitMQ's Erlang port mapper (epmd)"),
        ["Postgres"] = (5433, "PostgreSQL"),
    };

    private readonly Dictionary<string, int> _chosen = [];

    /// <summary>Every port setting's key.</summary>
    public static IReadOnlyCollection<string> Keys => Defaults.Keys;

    /// <summary>The port a process binds itself: the setting, or a free port chosen once when it is 0.</summary>
    public int Fixed(string key)
    {
        if (_chosen.TryGetValue(key, out var port)) return port;
        port = Configured(key);
        return _chosen[key] = port == 0 ? FreePort.Next() : port;
    }

    /// <summary>The port of an endpoint DCP's proxy listens on: the setting, or null (DCP picks one) when it is 0.</summary>
    public int? Proxied(string key) => Configured(key) is var port && port == 0 ? null : port;

    /// <summary>Every port this run will bind must be free on 127.0.0.1.</summary>
    public void EnsureFree()
    {
        foreach (var key in Defaults.Keys)
        {
            var port = _chosen.TryGetValue(key, out var chosen) ? chosen : Configured(key);
            if (port != 0 && !FreePort.IsFree(port))
                throw new LocalSetupException(
                    $"Port {port} ({Defaults[key].Purpose}) is already in use on 127.0.0.1. Stop whatever listens there, " +
                    $"or move it with --Ports:{key}=<port> (or the environment variable Ports__{key}).");
        }
    }

    private int Configured(string key) => configuration.GetValue($"Ports:{key}", Defaults[key].Port);
}
