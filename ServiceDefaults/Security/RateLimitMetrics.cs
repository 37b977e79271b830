using System.Diagnostics.Metrics;
using Studios.ServiceDefaults.Telemetry;

namespace Studios.ServiceDefaults.Security;

/// <summary>The "Studios.Http" meter: requests the rate limiter refused, by limit, so operators see a flood or a limit set too low.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = StudiosTelemetry.MeterPrefix + "Http";
    public const string RejectedInstrument = "http.rate_limited";

    private readonly Counter<long> _rejected;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejected = meter.CreateCounter<long>(RejectedInstrument, "{request}",
            "Requests refused with 429 by the rate limiter, by limit: commands-per-person or anonymous-per-address.");
    }

    internal void Rejected(string limit) => _rejected.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
