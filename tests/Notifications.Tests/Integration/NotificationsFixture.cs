using System.Net;
using Dapper;
using Npgsql;
using Studios.Launchers;
using Studios.Testing;
using Studios.Testing.Mail;

namespace Studios.Notifications.Tests.Integration;

/// <summary>One Notifications service per test class on its own database and virtual host, a test bus standing in for the
/// other services, a real smtp4dev it mails through (shared by the test process unless the class starts its own), and a
/// clock the class may move.</summary>
public class NotificationsFixture : IAsyncLifetime
{
    public const string Database = "notifications";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private TestEnvironment? _environment;
    private NotificationsFactory? _factory;
    private TestBus? _bus;
    private Smtp4devServer? _mailServer;
    private Mailbox? _mailbox;

    public TestClock Time { get; } = new();

    public TestEnvironment Environment => _environment ?? throw new InvalidOperationException("Not started.");
    public NotificationsFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");
    public TestBus Bus => _bus ?? throw new InvalidOperationException("Not started.");
    public Smtp4devServer MailServer => _mailServer ?? throw new InvalidOperationException("Not started.");
    public Mailbox Mailbox => _mailbox ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings for this class's service; the defaults keep the jobs and retries quick.</summary>
    public virtual IDictionary<string, string?> Settings(Smtp4devServer mailServer) => new Dictionary<string, string?>
    {
        ["ConnectionStrings:mail"] = mailServer.ConnectionString,
        ["Notifications:PublicBaseUrl"] = "http://notifications.test",
        ["Notifications:AppBaseUrl"] = "https://app.test",
        ["Notifications:MembershipPublicUrl"] = "https://membership.test",
        ["Notifications:DeliveryInterval"] = "00:00:00.300",
        ["Notifications:ReminderInterval"] = "00:00:00.300",
        ["Notifications:DigestInterval"] = "00:00:00.500",
        ["Notifications:FirstRetryDelay"] = "00:00:00.500",
        ["Notifications:LongestRetryDelay"] = "00:00:02",
        ["Notifications:SmtpTimeout"] = "00:00:05",
    };

    /// <summary>The mail server: the test process's shared one unless a class needs one of its own.</summary>
    protected virtual Task<Smtp4devServer> StartMailServerAsync() => SharedMailServer.GetAsync();

    public async Task InitializeAsync()
    {
        var mailServer = StartMailServerAsync();
        _environment = await TestEnvironment.CreateAsync("notifications", Database);
        _mailServer = await mailServer;
        _mailbox = new Mailbox(_mailServer);
        _factory = NewInstance();
        _bus = await TestBus.StartAsync(_environment);
        await WaitUntilReadyAsync(_factory);
    }

    /// <summary>Stops the service and starts a new instance on the same database and queues (a restart or a redeploy).</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await Factory.DisposeAsync();
        if (whileStopped is not null) await whileStopped();
        _factory = NewInstance();
        await WaitUntilReadyAsync(_factory);
    }

    /// <summary>Another instance of the service on the same database and queues (for the two-instance test).</summary>
    public NotificationsFactory NewInstance() => new(Environment, Time, Settings(MailServer));

    public static async Task WaitUntilReadyAsync(NotificationsFactory factory)
    {
        // Ready means the database answers and the service's queues are bound: events published after this arrive.
        using var probe = factory.CreateClient();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90), "the Notifications service to become ready");
    }

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(Factory.DatabaseConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Waits until the service's consumers have taken <paramref name="messageId"/> (its inbox holds it).</summary>
    public Task ConsumedAsync(Guid messageId) => Eventually.TrueAsync(async () =>
    {
        await using var connection = await OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM inbox WHERE message_id = @messageId)", new { messageId });
    }, Patience, $"message {messageId} to be consumed");

    /// <summary>Waits until none of the person's mails is waiting to be sent.</summary>
    public Task SettledAsync(Guid personId) => Eventually.TrueAsync(async () =>
    {
        await using var connection = await OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM mails WHERE person_id = @personId AND status = 'pending'", new { personId }) == 0;
    }, Patience, $"the mails of {personId} to be sent");

    /// <summary>Waits until no mail at all is waiting to be sent.</summary>
    public Task AllSettledAsync() => Eventually.TrueAsync(async () =>
    {
        await using var connection = await OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mails WHERE status = 'pending'") == 0;
    }, Patience, "every mail to be sent");

    /// <summary>The statuses of the person's mails of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<string>> MailStatusesAsync(Guid personId, string kind)
    {
        await using var connection = await OpenDatabaseAsync();
        return (await connection.QueryAsync<string>("SELECT status FROM mails WHERE person_id = @personId AND kind = @kind",
            new { personId, kind })).AsList();
    }

    public virtual async Task DisposeAsync()
    {
        if (_bus is not null) await _bus.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        _mailbox?.Dispose();
        if (_environment is not null) await _environment.DisposeAsync();
    }
}
