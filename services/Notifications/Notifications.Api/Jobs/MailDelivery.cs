using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Extensions;
using Studios.Notifications.Features;
using Studios.Notifications.Telemetry;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Notifications.Jobs;

/// <summary>Sends the mails that are due. Each mail is claimed (FOR UPDATE SKIP LOCKED), composed, sent and its outcome
/// recorded in one transaction, so two instances never send the same mail and a crash leaves it to be sent again. A failed
/// send is retried with a doubling delay; after the last attempt the mail is failed, for an operator to resend.</summary>
public sealed class MailDelivery(
    NpgsqlDataSource dataSource, MailRepository mails, MailComposer composer, IOptions<NotificationsOptions> options,
    NotificationsMetrics metrics, TimeProvider time, JobMetrics jobMetrics, ILogger<MailDelivery> logger)
    : IntervalJob(time, jobMetrics, logger)
{
    private readonly SmtpMailer _mailer = new(options);

    protected override string Name => "notifications.delivery";

    protected override TimeSpan Interval => options.Value.DeliveryInterval;

    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        var changed = 0;
        SmtpClient? smtp = null;
        try
        {
            for (var i = 0; i < options.Value.DeliveryBatch; i++)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var mail = await mails.ClaimNextAsync(transaction, Time.GetUtcNow(), cancellationToken);
                if (mail is null) break;
                pass.Trace();
                changed++;
                var composition = await composer.ComposeAsync(connection, mail, cancellationToken);
                if (composition.Waiting is { } waiting)
                {
                    await mails.DeferAsync(transaction, mail.Id, Time.GetUtcNow() + Interval, $"waiting for {waiting}", cancellationToken);
                }
                else if (composition.SkipReason is { } reason)
                {
                    await mails.SkipAsync(transaction, mail.Id, reason, cancellationToken);
                    metrics.Skipped(mail.Kind, reason);
                    logger.LogInformation("Mail {MailId} ({Kind}) not sent: {Reason}", mail.Id, mail.Kind, reason);
                }
                else
                {
                    try
                    {
                        smtp ??= await _mailer.ConnectAsync(cancellationToken);
                        await smtp.SendAsync(_mailer.Build(mail.Id, mail.Kind, composition), cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        await RecordFailureAsync(transaction, mail, exception, cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                        // A refused mail leaves the connection usable; otherwise the others wait for the next pass.
                        if (SmtpMailer.IsPermanent(exception) && smtp is { IsConnected: true }) continue;
                        break;
                    }
                    var sentAt = Time.GetUtcNow();
                    await mails.MarkSentAsync(transaction, mail.Id, sentAt, cancellationToken);
                    metrics.Sent(mail.Kind);
                    if (mail.DueAt is { } due) metrics.ReminderLag(sentAt - due);
                }
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (smtp is not null) await CloseAsync(smtp);
        }
        return changed;
    }

    /// <summary>Says QUIT; a server that does not answer changes nothing, every outcome is recorded already.</summary>
    private static async Task CloseAsync(SmtpClient smtp)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or MailKit.ProtocolException
                                              or MailKit.CommandException)
        {
            // the connection is dropped below
        }
        finally
        {
            smtp.Dispose();
        }
    }

    private async Task RecordFailureAsync(NpgsqlTransaction transaction, MailRow mail, Exception exception, CancellationToken ct)
    {
        var attempts = mail.Attempts + 1;
        var givesUp = SmtpMailer.IsPermanent(exception) || DeliveryRetries.GivesUp(attempts, options.Value.MaxAttempts);
        var next = Time.GetUtcNow() + DeliveryRetries.Delay(attempts, options.Value.FirstRetryDelay, options.Value.LongestRetryDelay);
        var error = SmtpMailer.Describe(exception);
        await mails.MarkAttemptFailedAsync(transaction, mail.Id, error, next, givesUp, ct);
        metrics.Failed(mail.Kind, givesUp);
        if (givesUp)
            logger.LogError("Mail {MailId} ({Kind}) failed after {Attempts} attempts: {Error}; an operator can resend it",
                mail.Id, mail.Kind, attempts, error);
        else
            logger.LogWarning("Mail {MailId} ({Kind}) not sent (attempt {Attempts}): {Error}; retrying at {NextAttempt:O}",
                mail.Id, mail.Kind, attempts, error, next);
    }
}
