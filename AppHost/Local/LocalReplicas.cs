namespace Studios.AppHost.Local;

/// <summary>
/// How many instances of each service a local run starts: the setting <c>Replicas</c> (<c>./studios run --Replicas=2</c>
/// or the environment variable <c>Replicas=2</c>), 1 to 4, default 1. Several instances share one database and one set of
/// queues, as in production: competing consumers, one relay each, background jobs that claim their work.
/// A value out of range is one message before anything starts.
/// </summary>
public sealed class LocalReplicas(IConfiguration configuration)
{
    public const string Setting = "Replicas";
    public const int Most = 4;

    private readonly string? _configured = configuration[Setting];

    /// <summary>The instances per service (1 while the setting is invalid: <see cref="EnsureValid"/> stops the run).</summary>
    public int Count => Parse() ?? 1;

    /// <summary>Throws the one message naming the setting when it is not a whole number from 1 to <see cref="Most"/>.</summary>
    public void EnsureValid()
    {
        if (Parse() is null)
            throw new LocalSetupException(
                $"--{Setting}={_configured} is not valid: the number of instances of each service must be a whole number from 1 to {Most} " +
                $"(e.g. ./studios run --{Setting}=2).");
    }

    private int? Parse()
    {
        if (_configured is null) return 1;
        return int.TryParse(_configured, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
               && count is >= 1 and <= Most ? count : null;
    }
}
