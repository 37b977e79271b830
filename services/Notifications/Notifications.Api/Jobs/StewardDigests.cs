using Microsoft.Extensions.Options;
using Studios.Notifications.Data;
using Studios.Notifications.Domain;
using Studios.Notifications.Extensions;
using Studios.Notifications.Features;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Notifications.Jobs;

/// <summary>Each steward's weekly digest of their studios' health and open follow-ups, once per ISO week from Monday 08:00
/// in their own time zone. The week is part of the mail's key, so passes of several instances add it once.</summary>
public sealed class StewardDigests(
    NpgsqlDataSource dataSource, StudioRepository studios, PeopleRepository people, Notifier notifier,
    IOptions<NotificationsOptions> options, TimeProvider time, JobMetrics jobMetrics, ILogger<StewardDigests> logger)
    : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "notifications.digests";

    protected override TimeSpan Interval => options.Value.DigestInterval;

    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var added = 0;
        foreach (var stewardId in await studios.AllStewardsAsync(connection, cancellationToken))
        {
            var zone = (await people.FindAsync(connection, stewardId, cancellationToken))?.TimeZone;
            if (DigestWeeks.Due(LocalTimes.LocalDateTime(Time.GetUtcNow(), zone)) is not { } week) continue;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            added += await notifier.NotifyAsync(transaction, NotificationKinds.StewardDigest, [stewardId], $"steward-digest:{week}",
                new MailFacts { Week = week }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (added > 0) pass.Trace();
        return added;
    }
}
