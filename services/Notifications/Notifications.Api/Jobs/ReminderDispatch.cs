using Microsoft.Extensions.Options;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Extensions;
using Studios.Notifications.Features;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Notifications.Jobs;

/// <summary>Turns due reminders into mails. Due rows are claimed with FOR UPDATE SKIP LOCKED and deleted in the transaction
/// that adds their mail, so with several instances each reminder becomes one mail, and a restart loses none.</summary>
public sealed class ReminderDispatch(
    NpgsqlDataSource dataSource, ReminderRepository reminders, SessionRepository sessions, Notifier notifier,
    IOptions<NotificationsOptions> options, TimeProvider time, JobMetrics jobMetrics, ILogger<ReminderDispatch> logger)
    : IntervalJob(time, jobMetrics, logger)
{
    private const int Batch = 100;

    protected override string Name => "notifications.reminders";

    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var now = Time.GetUtcNow();
            var due = await reminders.ClaimDueAsync(transaction, now, Batch, cancellationToken);
            if (due.Count == 0) return handled;
            pass.Trace();
            foreach (var reminder in due)
            {
                var session = await sessions.FindAsync(connection, reminder.SessionId, cancellationToken);
                var going = await sessions.RsvpStatusAsync(connection, reminder.SessionId, reminder.PersonId, cancellationToken) == "going";
                // Replanned reminders replace these rows; this check only catches a session that changed meanwhile.
                if (session is { Cancelled: false } && going && session.StartsAt == reminder.StartsAt && now < session.StartsAt)
                {
                    var key = $"reminder:{reminder.SessionId}:{reminder.PersonId}:{reminder.MinutesBefore}:{reminder.StartsAt.UtcTicks}";
                    await notifier.NotifyAsync(transaction, NotificationKinds.SessionReminder, [reminder.PersonId], key,
                        new MailFacts
                        {
                            StudioId = session.StudioId, SessionId = session.SessionId, Title = session.Title, At = session.StartsAt,
                            DueAt = reminder.DueAt,
                        }, cancellationToken);
                }
                await reminders.DeleteAsync(transaction, reminder, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            handled += due.Count;
        }
    }
}
