using Microsoft.Extensions.Options;
using Studios.Notifications.Data;
using Studios.Notifications.Extensions;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Notifications.Jobs;

/// <summary>Forgets sent and skipped mails after Notifications:MailRetention and unsubscribe links after their lifetime.</summary>
public sealed class NotificationsHousekeeping(
    NpgsqlDataSource dataSource, MailRepository mails, UnsubscribeRepository unsubscribes, IOptions<NotificationsOptions> options,
    TimeProvider time, JobMetrics jobMetrics, ILogger<NotificationsHousekeeping> logger)
    : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "notifications.housekeeping";

    protected override TimeSpan Interval => options.Value.HousekeepingInterval;

    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await mails.DeleteDoneBeforeAsync(transaction, now - options.Value.MailRetention, cancellationToken)
                      + await unsubscribes.DeleteLinksBeforeAsync(transaction, now - options.Value.UnsubscribeLinkLifetime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
