using Studios.Notifications.Data;
using Studios.Notifications.Features;

namespace Studios.Notifications.Apis;

/// <summary>What Notifications' handlers need, bound with [AsParameters].</summary>
public sealed record NotificationsServices(
    HttpContext Context,
    NpgsqlDataSource DataSource,
    PreferenceRepository Preferences,
    UnsubscribeRepository Unsubscribes,
    MailRepository Mails,
    AuditTrail Audit,
    Reminders Reminders,
    TimeProvider Time)
{
    /// <summary>The signed-in person's id.</summary>
    public Guid Me => Context.User.PersonId();

    public CancellationToken Aborted => Context.RequestAborted;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => DataSource.OpenConnectionAsync(Aborted);
}
