using System.Diagnostics.Metrics;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.Notifications.Telemetry;

/// <summary>The business metrics of meter "Studios.Notifications": mails sent, failed and skipped by kind, and how late
/// reminders go out.</summary>
public sealed class NotificationsMetrics
{
    public const string MeterName = StudiosTelemetry.MeterPrefix + "Notifications";
    public const string Retrying = "retrying";
    public const string GaveUp = "gave-up";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _reminderLag;

    public NotificationsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>("notifications.sent", "{mail}", "Mails the SMTP server accepted, by kind.");
        _failed = meter.CreateCounter<long>("notifications.failed", "{attempt}", "Failed SMTP sends, by kind and outcome (retrying, gave-up).");
        _skipped = meter.CreateCounter<long>("notifications.skipped", "{mail}", "Mails not sent on purpose, by kind and reason (turned-off, erased, no-address).");
        _reminderLag = meter.CreateHistogram<double>("notifications.reminder_lag", "s", "From a reminder's due time until the SMTP server accepted it.");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind, bool gaveUp) =>
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", gaveUp ? GaveUp : Retrying));

    public void Skipped(string kind, string reason) =>
        _skipped.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    public void ReminderLag(TimeSpan lag) => _reminderLag.Record(Math.Max(0, lag.TotalSeconds));
}
