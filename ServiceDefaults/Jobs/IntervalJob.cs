using System.Threading.Channels;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Jobs;

/// <summary>Background work repeated on an interval (housekeeping, materialising, sweeping, refreshing gauges).
/// The first pass waits a random part of the interval, so instances started together do not pass in step; a failed pass
/// is logged and the next one runs on time. Every pass is counted in <c>job.passes</c> (idle, changed, failed) and timed
/// in <c>job.pass.duration</c>; only a pass that changed something is a span (<see cref="JobPass.Trace"/>), so an idle
/// job sends no traces. Several instances run the same job: a pass must be safe alongside another instance's
/// (idempotent statements, or rows claimed with FOR UPDATE SKIP LOCKED).</summary>
public abstract class IntervalJob(TimeProvider time, JobMetrics metrics, ILogger logger) : BackgroundService
{
    /// <summary>The service's clock, the one the job waits on.</summary>
    protected TimeProvider Time { get; } = time;

    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The job's name in logs, spans and metrics, e.g. "scheduling.materialisation".</summary>
    protected abstract string Name { get; }

    /// <summary>The time between two passes (read before each wait, so a reloaded setting applies).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; returns how many things it changed (0: an idle pass).</summary>
    protected abstract Task<int> RunPassAsync(JobPass pass, CancellationToken cancellationToken);

    /// <summary>Runs the next pass soon instead of at the end of the interval (after a change the job should follow).</summary>
    public void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Runs one pass now, exactly as the loop does; returns how many things it changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        var pass = new JobPass(Name, Time.GetUtcNow());
        try
        {
            var changed = await pass.RunAsync(RunPassAsync, cancellationToken);
            metrics.Pass(Name, changed > 0 ? JobMetrics.Changed : JobMetrics.Idle, Time.GetElapsedTime(started));
            pass.Complete(changed, Time.GetUtcNow());
            return changed;
        }
        catch (Exception exception)
        {
            metrics.Pass(Name, JobMetrics.Failed, Time.GetElapsedTime(started));
            pass.Fail(exception, Time.GetUtcNow());
            throw;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitAsync(Interval * Random.Shared.NextDouble(), stoppingToken)) return;
        do
        {
            try
            {
                var changed = await RunOnceAsync(stoppingToken);
                if (changed > 0) logger.LogInformation("Job {Job} changed {Count} things", Name, changed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Job {Job} failed; it runs again in {Interval}", Name, Interval);
            }
        }
        while (await WaitAsync(Interval, stoppingToken));
    }

    /// <summary>Waits out <paramref name="delay"/> or until woken; false when the host is stopping.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await _wakeUps.Reader.ReadAsync(timeout.Token).AsTask().WaitAsync(delay, Time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // the interval is over
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            await timeout.CancelAsync();
        }
        return !stoppingToken.IsCancellationRequested;
    }
}
