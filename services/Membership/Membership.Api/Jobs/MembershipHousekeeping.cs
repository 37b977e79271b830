using Microsoft.Extensions.Options;
using Studios.Membership.Data;
using Studios.Membership.Extensions;
using Studios.Membership.Telemetry;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Membership.Jobs;

/// <summary>Takes invited members whose invitation expired off the rosters, deletes verification links long expired, and
/// refreshes the waitlist gauge from the database (the one count every instance agrees on). Every statement is safe for two
/// instances at once.</summary>
public sealed class MembershipHousekeeping(
    NpgsqlDataSource dataSource, MembershipRepository memberships, EmailVerificationRepository verifications, MembershipMetrics metrics,
    TimeProvider time,
    IOptions<MembershipOptions> options, JobMetrics jobMetrics, ILogger<MembershipHousekeeping> logger)
    : IntervalJob(time, jobMetrics, logger)
{
    protected override string Name => "membership.housekeeping";

    protected override TimeSpan Interval => options.Value.HousekeepingInterval;

    protected override async Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = Time.GetUtcNow();
        var expired = await memberships.ExpireInvitedAsync(connection, now, cancellationToken);
        // Kept a while after expiry, so a late click is told the link expired rather than that it never existed.
        expired += await verifications.DeleteExpiredLinksAsync(connection, now - options.Value.EmailVerificationLifetime, cancellationToken);
        metrics.WaitlistLength(await memberships.CountWaitlistedAsync(connection, cancellationToken));
        return expired;
    }
}
