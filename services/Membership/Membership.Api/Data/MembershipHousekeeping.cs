using Microsoft.Extensions.Options;
using Studios.Membership.Telemetry;

namespace Studios.Membership.Data;

/// <summary>Takes invited members whose invitation expired off the rosters and refreshes the waitlist gauge
/// from the database (the one count every instance agrees on).</summary>
internal sealed class MembershipHousekeeping(
    MembershipRepository memberships, MembershipMetrics metrics, TimeProvider time, IOptions<MembershipOptions> options,
    ILogger<MembershipHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var expired = await memberships.ExpireInvitedAsync(time.GetUtcNow(), stoppingToken);
                if (expired > 0) logger.LogInformation("{Count} invited members left the rosters: their invitations expired", expired);
                metrics.WaitlistLength(await memberships.CountWaitlistedAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Membership housekeeping failed; retrying at the next interval");
            }
            try
            {
                await Task.Delay(options.Value.HousekeepingInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
