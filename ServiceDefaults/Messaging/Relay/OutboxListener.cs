using Microsoft.Extensions.Options;
using Npgsql;

namespace Studios.ServiceDefaults.Messaging.Relay;

/// <summary>With <see cref="MessagingOptions.NotifyOnEnqueue"/> on, LISTENs for the NOTIFY every instance's enqueue
/// sends at its commit and wakes this relay; off, it does nothing (the relay polls for other instances' rows).</summary>
internal sealed class OutboxListener(NpgsqlDataSource dataSource, OutboxSignal signal, IOptions<MessagingOptions> options,
    ILogger<OutboxListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NotifyOnEnqueue) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = dataSource.CreateConnection();
                using (Untraced.Begin())
                {
                    await connection.OpenAsync(stoppingToken);
                    await using var listen = new NpgsqlCommand($"LISTEN {Outbox.WakeUpChannel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                connection.Notification += (_, _) => signal.Wake();
                signal.Wake(); // catch up on anything committed while not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "Outbox LISTEN connection lost; the relay polls until it is back");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
